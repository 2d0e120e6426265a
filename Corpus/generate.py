#!/usr/bin/env python3
"""Generates HezaMatch's demonstration corpus, reproducibly (fixed seed).

    python3 Corpus/generate.py                      # the bundled files: 365 postings, 2,222 profiles
    python3 Corpus/generate.py --postings 100000 --profiles 1000000 --out /tmp/scale   # scale tests

Facts it rests on (from HEZA's reports in shared/seeds): the 14 zones of Hai Phong;
the employers named there (LG Display, LG Innotek, Pegatron, USI, Lite-On, Regina
Miracle, Amtran, Chilisin, Kyocera…); the September batch in which 18 enterprises
asked for 1,408 workers; dormitories at Pegatron and LG Display; cooperation with
Yen Bai's vocational schools (workers from Yen Bai); recruiting discharged soldiers;
about 180,000 workers in the zones. Companies marked (*) in EMPLOYERS are fictitious,
as are every posting's details, every person, name and phone number (phones use the
0900 000 000 - 0900 999 999 block). Dates are placed around the current season so
that the demonstration shows open postings.

Records of today's map (added 2026-12-06) follow those, from streams of their own, so that the first 320 postings
and 2,000 profiles stay byte for byte what they were: 1 posting in 9 at a former Hải Dương park (HD_PARKS, employers
all invented), 1 in 72 in the old city with only an address, and 1 profile in 10 whose home is written with today's
units, the old map's or a merged province's, mostly as an address; every unit named is drawn from map/ or checked
against it (MapTables). The bundled files: postings P-0001...P-0320 and profiles C-00001...C-02000 as before, then
P-0321...P-0365 (40 at 12 parks, 5 in the city) and C-02001...C-02222.

Text is written the way people really type it: mostly NFC with accents, but some
fields in NFD, some with the old tone placement (hoà, thuỷ), some in capitals, some
without any accents, and English titles at foreign employers.
"""
import argparse
import json
import os
import random
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

# zone -> district
ZONES = {
    "KCN Tràng Duệ": "An Dương", "KCN Đình Vũ": "Hải An", "KCN Nam Đình Vũ": "Hải An",
    "KCN VSIP Hải Phòng": "Thủy Nguyên", "KCN Nam Cầu Kiền": "Thủy Nguyên", "KCN An Dương": "An Dương",
    "KCN Đồ Sơn": "Đồ Sơn", "KCN Nhật Bản - Hải Phòng": "An Dương", "KCN MP Đình Vũ": "Hải An",
    "KCN Hàng Hải": "Thủy Nguyên", "KCN Tiên Thanh": "Tiên Lãng", "KCN Xuân Cầu": "Thủy Nguyên",
    "KCN Cảng cửa ngõ quốc tế Hải Phòng": "Cát Hải", "KKT Đình Vũ - Cát Hải": "Hải An",
}

# Trades: Vietnamese titles, English titles, skills, majors, education_min choices,
# salary range (millions VND), audiences invited, age range.
TRADES = {
    "assembly": dict(vi=["Công nhân lắp ráp linh kiện điện tử", "Công nhân sản xuất", "Công nhân vận hành dây chuyền"],
                     en=["Production Operator", "Electronics Assembly Operator"],
                     skills=["lắp ráp linh kiện", "kiểm tra ngoại quan", "hàn linh kiện", "đứng máy"],
                     majors=["Điện tử dân dụng"], edu=[None, "lower_secondary", "upper_secondary"], salary=(7, 10),
                     aud=[None, ["vocational_student", "other"], ["discharged_soldier", "vocational_student", "other"]], age=(18, 35)),
    "electronics_engineer": dict(vi=["Kỹ sư điện tử", "Kỹ sư thiết kế mạch"], en=["Electronics Engineer", "Hardware Engineer"],
                     skills=["thiết kế mạch", "PCB", "SMT", "đọc sơ đồ mạch", "tiếng Anh"], majors=["Điện tử viễn thông", "Điện tử công nghiệp"],
                     edu=["university"], salary=(15, 25), aud=[["graduate"], None], age=(22, 40)),
    "semiconductor": dict(vi=["Kỹ thuật viên bán dẫn", "Kỹ thuật viên phòng sạch"], en=["Semiconductor Technician", "Cleanroom Technician"],
                     skills=["vận hành thiết bị bán dẫn", "phòng sạch", "bảo trì thiết bị"], majors=["Công nghệ vi mạch bán dẫn", "Điện tử công nghiệp"],
                     edu=["college", "intermediate_vocational"], salary=(10, 16), aud=[["graduate", "vocational_student"], None], age=(20, 35)),
    "qc": dict(vi=["Nhân viên kiểm tra chất lượng", "Nhân viên QC"], en=["QC Inspector", "Quality Control Staff"],
                     skills=["kiểm tra chất lượng", "đọc bản vẽ", "dụng cụ đo", "ISO 9001:2015"], majors=["Quản lý chất lượng", "Cơ khí"],
                     edu=["upper_secondary", "intermediate_vocational"], salary=(8, 12), aud=[None, ["vocational_student", "graduate"]], age=(18, 35)),
    "welder": dict(vi=["Thợ hàn", "Thợ hàn điện", "Công nhân hàn TIG"], en=["Welder", "TIG Welder"],
                     skills=["hàn điện", "hàn TIG", "hàn MIG", "chứng chỉ hàn 3G"], majors=["Hàn"],
                     edu=["elementary_vocational", "intermediate_vocational", None], salary=(10, 16),
                     aud=[["discharged_soldier", "vocational_student"], None], age=(18, 45)),
    "cnc": dict(vi=["Thợ vận hành máy CNC", "Thợ tiện CNC", "Công nhân gia công CNC"], en=["CNC Operator", "CNC Machinist"],
                     skills=["vận hành máy CNC", "tiện", "phay", "đọc bản vẽ"], majors=["Cắt gọt kim loại", "Cơ khí chế tạo"],
                     edu=["intermediate_vocational", "elementary_vocational"], salary=(9, 14), aud=[["vocational_student"], None], age=(18, 40)),
    "electrician": dict(vi=["Thợ điện công nghiệp", "Kỹ thuật viên điện"], en=["Industrial Electrician", "Electrical Technician"],
                     skills=["điện công nghiệp", "PLC", "bảo trì điện", "đọc bản vẽ điện"], majors=["Điện công nghiệp", "Điện dân dụng"],
                     edu=["intermediate_vocational", "college"], salary=(10, 15), aud=[["vocational_student", "discharged_soldier"], None], age=(18, 40)),
    "hvac": dict(vi=["Kỹ thuật viên điện lạnh", "Thợ sửa chữa điều hòa"], en=["HVAC Technician"],
                     skills=["điện lạnh", "sửa chữa điều hòa", "hệ thống lạnh công nghiệp"], majors=["Kỹ thuật máy lạnh và điều hòa không khí"],
                     edu=["intermediate_vocational"], salary=(9, 13), aud=[["vocational_student"], None], age=(18, 40)),
    "forklift": dict(vi=["Lái xe nâng", "Nhân viên lái xe nâng hàng"], en=["Forklift Driver"],
                     skills=["lái xe nâng", "chứng chỉ xe nâng", "sắp xếp hàng hóa"], majors=["Vận hành xe nâng"],
                     edu=[None, "lower_secondary"], salary=(9, 12), aud=[["discharged_soldier"], None], age=(20, 45)),
    "driver": dict(vi=["Tài xế xe tải", "Lái xe đưa đón công nhân", "Tài xế container"], en=["Truck Driver"],
                     skills=["lái xe", "bằng lái C", "bằng FC"], majors=["Lái xe ô tô"],
                     edu=[None, "lower_secondary"], salary=(12, 18), aud=[["discharged_soldier"], None], age=(23, 50)),
    "warehouse": dict(vi=["Nhân viên kho", "Thủ kho"], en=["Warehouse Staff", "Warehouse Keeper"],
                     skills=["quản lý kho", "nhập xuất hàng", "Excel", "lái xe nâng"], majors=["Logistics"],
                     edu=["upper_secondary"], salary=(8, 11), aud=[None, ["discharged_soldier", "other"]], age=(18, 40)),
    "logistics": dict(vi=["Nhân viên xuất nhập khẩu", "Nhân viên logistics", "Nhân viên chứng từ"], en=["Logistics Coordinator", "Import Export Staff"],
                     skills=["thủ tục hải quan", "chứng từ xuất nhập khẩu", "tiếng Anh", "Excel"], majors=["Logistics và quản lý chuỗi cung ứng", "Kinh doanh quốc tế"],
                     edu=["college", "university"], salary=(10, 18), aud=[["graduate"], None], age=(21, 35)),
    "port": dict(vi=["Công nhân bốc xếp cảng", "Công nhân khai thác cảng"], en=["Stevedore", "Port Worker"],
                     skills=["bốc xếp hàng hóa", "chằng buộc container", "an toàn lao động"], majors=["Khai thác vận tải"],
                     edu=[None, "lower_secondary"], salary=(10, 15), aud=[["discharged_soldier"], None], age=(20, 40)),
    "crane": dict(vi=["Lái cần cẩu", "Vận hành cần cẩu giàn"], en=["Crane Operator", "Gantry Crane Operator"],
                     skills=["vận hành cần cẩu", "chứng chỉ cẩu trục", "an toàn lao động"], majors=["Vận hành cần trục"],
                     edu=["elementary_vocational", "intermediate_vocational"], salary=(14, 22), aud=[["discharged_soldier", "vocational_student"], None], age=(22, 45)),
    "garment": dict(vi=["Công nhân may", "Thợ may công nghiệp"], en=["Sewing Operator", "Garment Worker"],
                     skills=["may công nghiệp", "vận hành máy may", "may mẫu"], majors=["Công nghệ may"],
                     edu=[None, "lower_secondary"], salary=(7, 10), aud=[["other", "vocational_student"], None], age=(18, 40)),
    "mechanical_engineer": dict(vi=["Kỹ sư cơ khí", "Kỹ sư thiết kế cơ khí"], en=["Mechanical Engineer", "Mechanical Design Engineer"],
                     skills=["AutoCAD", "SolidWorks", "thiết kế cơ khí", "đọc bản vẽ"], majors=["Kỹ thuật cơ khí", "Cơ điện tử"],
                     edu=["university"], salary=(14, 22), aud=[["graduate"], None], age=(22, 40)),
    "maintenance": dict(vi=["Kỹ thuật viên bảo trì", "Nhân viên bảo trì máy"], en=["Maintenance Technician"],
                     skills=["bảo trì máy", "sửa chữa cơ khí", "khí nén", "điện công nghiệp"], majors=["Cơ điện tử", "Bảo trì thiết bị cơ điện"],
                     edu=["college", "intermediate_vocational"], salary=(11, 15), aud=[["vocational_student", "discharged_soldier"], None], age=(20, 40)),
    "security": dict(vi=["Nhân viên bảo vệ", "Bảo vệ nhà máy"], en=["Security Guard"],
                     skills=["bảo vệ", "tuần tra", "phòng cháy chữa cháy"], majors=[],
                     edu=[None, "lower_secondary"], salary=(7, 9), aud=[["discharged_soldier"]], age=(20, 50)),
    "korean": dict(vi=["Phiên dịch tiếng Hàn", "Thông dịch tiếng Hàn"], en=["Korean Interpreter"],
                     skills=["tiếng Hàn", "TOPIK 4", "tin học văn phòng"], majors=["Ngôn ngữ Hàn Quốc"],
                     edu=["college", "university"], salary=(15, 25), aud=[["graduate"], None], age=(21, 35)),
    "accountant": dict(vi=["Kế toán", "Kế toán kho"], en=["Accountant"],
                     skills=["kế toán", "MISA", "Excel", "báo cáo thuế"], majors=["Kế toán", "Tài chính ngân hàng"],
                     edu=["college", "university"], salary=(10, 15), aud=[["graduate"], None], age=(21, 40)),
    "hr": dict(vi=["Nhân viên nhân sự", "Chuyên viên tuyển dụng"], en=["HR Officer", "Recruiter"],
                     skills=["tuyển dụng", "chấm công", "bảo hiểm xã hội", "tiếng Anh"], majors=["Quản trị nhân lực", "Luật"],
                     edu=["university"], salary=(10, 15), aud=[["graduate"], None], age=(22, 35)),
    "it": dict(vi=["Nhân viên IT", "Kỹ sư hệ thống"], en=["IT Support Engineer", "System Engineer"],
                     skills=["mạng máy tính", "Windows Server", "lập trình", "tiếng Anh"], majors=["Công nghệ thông tin", "Khoa học máy tính"],
                     edu=["college", "university"], salary=(12, 20), aud=[["graduate"], None], age=(21, 35)),
}

# employer -> (zone, housing, foreign, trades)
EMPLOYERS = {
    "Công ty TNHH LG Display Việt Nam Hải Phòng": ("KCN Tràng Duệ", True, True, ["assembly", "qc", "electronics_engineer", "semiconductor", "maintenance", "korean", "hvac"]),
    "Công ty TNHH LG Electronics Việt Nam Hải Phòng": ("KCN Tràng Duệ", False, True, ["assembly", "qc", "mechanical_engineer", "warehouse", "korean"]),
    "Công ty TNHH LG Innotek Việt Nam Hải Phòng": ("KCN Tràng Duệ", False, True, ["assembly", "semiconductor", "qc", "electronics_engineer"]),
    "Công ty TNHH Pegatron Việt Nam": ("KKT Đình Vũ - Cát Hải", True, True, ["assembly", "qc", "electronics_engineer", "it", "warehouse", "maintenance"]),
    "Công ty TNHH USI Việt Nam": ("KCN Đình Vũ", False, True, ["assembly", "qc", "semiconductor", "electronics_engineer"]),
    "Công ty TNHH Lite-On Việt Nam": ("KCN Nam Đình Vũ", False, True, ["assembly", "qc", "electrician", "hr"]),
    "Công ty TNHH Regina Miracle International Việt Nam": ("KCN VSIP Hải Phòng", False, True, ["garment", "qc", "maintenance", "warehouse"]),
    "Công ty TNHH Kyocera Document Solutions Việt Nam": ("KCN VSIP Hải Phòng", False, True, ["assembly", "cnc", "mechanical_engineer", "qc"]),
    "Công ty TNHH Amtran Việt Nam": ("KCN Tràng Duệ", False, True, ["assembly", "qc", "electrician"]),
    "Công ty TNHH Chilisin Việt Nam": ("KCN An Dương", False, True, ["assembly", "semiconductor", "qc"]),
    "Công ty TNHH Bridgestone Việt Nam (*)": ("KCN Đình Vũ", False, True, ["maintenance", "electrician", "mechanical_engineer", "forklift"]),
    "Công ty TNHH Linh kiện Nhật Bản - Hải Phòng (*)": ("KCN Nhật Bản - Hải Phòng", False, True, ["cnc", "qc", "assembly"]),
    "Công ty CP Cảng quốc tế Lạch Huyện (*)": ("KCN Cảng cửa ngõ quốc tế Hải Phòng", True, False, ["port", "crane", "driver", "logistics", "security"]),
    "Công ty CP Logistics MP Đình Vũ (*)": ("KCN MP Đình Vũ", False, False, ["logistics", "warehouse", "forklift", "driver"]),
    "Công ty TNHH Cơ khí Nam Cầu Kiền (*)": ("KCN Nam Cầu Kiền", False, False, ["welder", "cnc", "mechanical_engineer", "maintenance"]),
    "Công ty CP Đóng tàu Hàng Hải (*)": ("KCN Hàng Hải", True, False, ["welder", "electrician", "crane"]),
    "Công ty CP May Tiên Thanh (*)": ("KCN Tiên Thanh", False, False, ["garment", "qc", "security"]),
    "Công ty TNHH Thép Đồ Sơn (*)": ("KCN Đồ Sơn", False, False, ["welder", "forklift", "electrician", "crane"]),
    "Công ty TNHH Điện tử Xuân Cầu (*)": ("KCN Xuân Cầu", False, False, ["assembly", "electrician", "hvac"]),
    "Công ty CP Kho vận Đình Vũ (*)": ("KCN Đình Vũ", False, False, ["warehouse", "forklift", "logistics", "accountant"]),
    "Công ty TNHH Điện lạnh An Dương (*)": ("KCN An Dương", False, False, ["hvac", "electrician", "accountant"]),
}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Hà", "Mai", "Lương", "Đào", "Tạ", "Cao"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thu", "Hải", "Quang", "Thanh", "Xuân", "Hữu", "Thùy", "Bảo", "Gia", "Kim"]
GIVEN = ["An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hòa", "Hùng", "Huy", "Hương", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Nam", "Nga", "Ngọc", "Nhung", "Phong", "Phương", "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung",
         "Tuấn", "Tú", "Vân", "Việt", "Yến", "Đạt", "Đông", "Khoa", "Lộc", "Thành", "Hưng"]
HP_DISTRICTS = ["Hồng Bàng", "Ngô Quyền", "Lê Chân", "Hải An", "Kiến An", "Đồ Sơn", "Dương Kinh", "Thủy Nguyên", "An Dương", "An Lão",
                "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo", "Cát Hải"]
PROVINCES = ["Yên Bái", "Hải Dương", "Thái Bình", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Nam Định", "Hưng Yên", "Bắc Giang", "Phú Thọ", "Lạng Sơn", "Hà Giang"]
SCHOOLS = {
    "graduate": ["Trường Đại học Hải Phòng", "Trường Đại học Hàng hải Việt Nam", "Đại học Bách khoa Hà Nội", "Trường Đại học Y Dược Hải Phòng",
                 "Trường Cao đẳng Công nghệ Viettronics", "Trường Đại học Quản lý và Công nghệ Hải Phòng"],
    "vocational_student": ["Trường Cao đẳng nghề Việt Nam - Hàn Quốc Hải Phòng", "Trường Cao đẳng Lilama 2", "Trường Cao đẳng Kỹ thuật Công nghiệp Yên Bái",
                           "Trường Trung cấp nghề Thủy Nguyên", "Trường Cao đẳng Cơ điện Xây dựng Bắc Ninh", "Trường Cao đẳng Công nghệ và Nông lâm Đông Bắc"],
    "discharged_soldier": ["Trung tâm Dịch vụ việc làm Hải Phòng"],
    "other": [],
}
# Today's map (added 2026-12-06). Records written after 1 July 2025 come after the ones above, which stay as they
# were: postings at the former Hải Dương's parks (places.tsv) and in the old city with only an address, and profiles
# whose home is written with today's units, the old map's units or a merged province, often as a full address.
# The parks: zone -> (today's unit it lies in (map/units.tsv, Hải Phòng), the commune and the district of the old map
# it lay in (map/old-communes.tsv, map/old-districts.tsv)), from places.tsv's notes; MapTables checks each against the
# tables before anything is written. KCN Cộng Hòa: phường Cộng Hòa and Văn Đức both went partly into Chu Văn An.
HD_PARKS = {
    "KCN Đại An": (("phường", "Tứ Minh"), ("phường", "Tứ Minh"), ("thành phố", "Hải Dương")),
    "KCN Đại An mở rộng": (("phường", "Tứ Minh"), ("xã", "Cẩm Đoài"), ("huyện", "Cẩm Giàng")),
    "KCN Phúc Điền": (("xã", "Cẩm Giàng"), ("xã", "Phúc Điền"), ("huyện", "Cẩm Giàng")),
    "KCN Tân Trường": (("xã", "Mao Điền"), ("xã", "Tân Trường"), ("huyện", "Cẩm Giàng")),
    "KCN Nam Sách": (("phường", "Ái Quốc"), ("phường", "Ái Quốc"), ("thành phố", "Hải Dương")),
    "KCN Việt Hòa - Kenmark": (("phường", "Việt Hòa"), ("phường", "Việt Hòa"), ("thành phố", "Hải Dương")),
    "KCN Cộng Hòa": (("phường", "Chu Văn An"), ("phường", "Cộng Hòa"), ("thành phố", "Chí Linh")),
    "KCN Lai Vu": (("xã", "Lai Khê"), ("xã", "Lai Khê"), ("huyện", "Kim Thành")),
    "KCN Phú Thái": (("xã", "Phú Thái"), ("thị trấn", "Phú Thái"), ("huyện", "Kim Thành")),
    "KCN Kim Thành": (("xã", "Lai Khê"), ("xã", "Vũ Dũng"), ("huyện", "Kim Thành")),
    "KCN Kim Thành 2": (("xã", "Kim Thành"), ("xã", "Tam Kỳ"), ("huyện", "Kim Thành")),
    "KCN Gia Lộc": (("xã", "Gia Phúc"), ("xã", "Toàn Thắng"), ("huyện", "Gia Lộc")),
}
# employer -> (zone, housing, foreign, trades), as EMPLOYERS; all invented. HD_LOTS: each one's (invented) lot.
HD_EMPLOYERS = {
    "Công ty TNHH Điện tử Đại An (*)": ("KCN Đại An", True, False, ["assembly", "qc", "electrician", "warehouse"]),
    "Công ty TNHH Cơ điện Đại An (*)": ("KCN Đại An mở rộng", False, False, ["electrician", "hvac", "welder"]),
    "Công ty TNHH Linh kiện Điện tử Phúc Điền Vina (*)": ("KCN Phúc Điền", True, True, ["assembly", "qc", "semiconductor", "electronics_engineer", "korean"]),
    "Công ty TNHH May mặc Tân Trường (*)": ("KCN Tân Trường", False, False, ["garment", "qc", "security", "accountant"]),
    "Công ty CP Cơ khí Chính xác Nam Sách (*)": ("KCN Nam Sách", False, False, ["welder", "cnc", "mechanical_engineer", "maintenance"]),
    "Công ty TNHH Nhựa Kỹ thuật Việt Hòa (*)": ("KCN Việt Hòa - Kenmark", False, False, ["assembly", "qc", "maintenance", "forklift"]),
    "Công ty TNHH Thiết bị Điện Cộng Hòa (*)": ("KCN Cộng Hòa", True, True, ["assembly", "electrician", "maintenance", "hr"]),
    "Công ty TNHH Kho vận Lai Vu (*)": ("KCN Lai Vu", False, False, ["warehouse", "forklift", "driver", "logistics"]),
    "Công ty TNHH Giày da Phú Thái (*)": ("KCN Phú Thái", True, False, ["garment", "qc", "warehouse", "security"]),
    "Công ty TNHH Linh kiện Ô tô Kim Thành (*)": ("KCN Kim Thành", False, True, ["cnc", "welder", "qc", "it"]),
    "Công ty CP Bao bì Kim Thành (*)": ("KCN Kim Thành 2", False, False, ["forklift", "warehouse", "maintenance", "mechanical_engineer"]),
    "Công ty TNHH Dệt may Gia Lộc (*)": ("KCN Gia Lộc", False, False, ["garment", "electrician", "accountant", "driver"]),
}
HD_LOTS = {
    "Công ty TNHH Điện tử Đại An (*)": "Lô CN5", "Công ty TNHH Cơ điện Đại An (*)": "Lô B2",
    "Công ty TNHH Linh kiện Điện tử Phúc Điền Vina (*)": "Lô D3", "Công ty TNHH May mặc Tân Trường (*)": "Lô 12",
    "Công ty CP Cơ khí Chính xác Nam Sách (*)": "Lô A7", "Công ty TNHH Nhựa Kỹ thuật Việt Hòa (*)": "Lô XN4",
    "Công ty TNHH Thiết bị Điện Cộng Hòa (*)": "Lô CN2-3", "Công ty TNHH Kho vận Lai Vu (*)": "Lô E1",
    "Công ty TNHH Giày da Phú Thái (*)": "Lô 6", "Công ty TNHH Linh kiện Ô tô Kim Thành (*)": "Lô C1",
    "Công ty CP Bao bì Kim Thành (*)": "Lô CN8", "Công ty TNHH Dệt may Gia Lộc (*)": "Lô B5",
}
# Employers in the old city with only an address (no zone), all invented: (street, today's ward) in CITY_ADDRESSES.
CITY_EMPLOYERS = {
    "Công ty CP Giao nhận Lê Hồng Phong (*)": (None, False, False, ["logistics", "warehouse", "accountant", "driver"]),
    "Công ty TNHH Kỹ thuật Điện lạnh Lạch Tray (*)": (None, False, False, ["hvac", "electrician", "it"]),
    "Công ty TNHH Dịch vụ Bảo vệ Kiến An (*)": (None, False, False, ["security", "driver"]),
    "Công ty TNHH Vận tải Đồ Sơn (*)": (None, False, False, ["driver", "forklift", "accountant"]),
    "Công ty CP Tư vấn Nhân lực Hồng Bàng (*)": (None, False, False, ["hr", "accountant", "korean"]),
}
CITY_ADDRESSES = {
    "Công ty CP Giao nhận Lê Hồng Phong (*)": ("Số 8 đường Lê Hồng Phong", "Hải An"),
    "Công ty TNHH Kỹ thuật Điện lạnh Lạch Tray (*)": ("Số 215 Lạch Tray", "Lê Chân"),
    "Công ty TNHH Dịch vụ Bảo vệ Kiến An (*)": ("Số 45 đường Trần Thành Ngọ", "Kiến An"),
    "Công ty TNHH Vận tải Đồ Sơn (*)": ("Số 12 đường Lý Thánh Tông", "Đồ Sơn"),
    "Công ty CP Tư vấn Nhân lực Hồng Bàng (*)": ("Số 3 đường Hoàng Văn Thụ", "Hồng Bàng"),
}
# Trades wanted at the parks' postings (each employer's trades once): half of the new profiles want one of them.
HD_WANTED = sorted(trade for _, _, _, trades in HD_EMPLOYERS.values() for trade in trades)
# Where the new profiles' homes are outside Hải Phòng: provinces of 30 June 2025 that were merged (Yên Bái twice:
# its vocational schools send workers); a profile writes the old name, or the new one, or an address in either.
HOME_PROVINCES = ["Yên Bái", "Yên Bái", "Lào Cai", "Hưng Yên", "Thái Bình", "Bắc Ninh", "Bắc Giang"]
HD_SCHOOLS = ["Trường Đại học Sao Đỏ", "Trường Đại học Hải Dương", "Trường Cao đẳng Hải Dương"]
# Streets and hamlets of invented home addresses: common street names that are no unit's name in Hải Phòng
# (MapTables checks), and Lạch Tray in the wards it runs through.
STREETS = ["Lý Tự Trọng", "Hai Bà Trưng", "Lý Thường Kiệt", "Điện Biên Phủ", "Nguyễn Văn Linh", "Tô Hiệu", "Trần Quang Khải",
           "Nguyễn Thị Minh Khai", "Nguyễn Đức Cảnh", "Lê Thánh Tông", "Tôn Đức Thắng", "Văn Cao"]
WARD_STREETS = {"Lê Chân": ["Lạch Tray"], "Gia Viên": ["Lạch Tray"], "Ngô Quyền": ["Lạch Tray"]}
HAMLET_WORDS = ["Đông", "Đoài", "Thượng", "Hạ", "Trung", "Nam", "Bắc"]
OLD_TONES = {"hòa": "hoà", "Hòa": "Hoà", "hóa": "hoá", "thủy": "thuỷ", "Thủy": "Thuỷ", "khỏe": "khoẻ", "ủy": "uỷ", "tòa": "toà",
             "Tự động hóa": "Tự động hoá", "hàng hóa": "hàng hoá", "lòa": "loà", "quý": "quí"}


def strip_accents(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def old_tones(text):
    for new, old in OLD_TONES.items():
        text = text.replace(new, old)
    return text


def as_typed(rng, text, plain_share=0.08):
    """The text as some people type it: NFD, old tone placement, capitals, or no accents."""
    roll = rng.random()
    if roll < plain_share:
        return strip_accents(text)
    if roll < plain_share + 0.08:
        return unicodedata.normalize("NFD", text)
    if roll < plain_share + 0.16:
        return old_tones(text)
    if roll < plain_share + 0.19:
        return text.upper()
    return text


def date(year, month, day):
    return f"{year:04d}-{month:02d}-{day:02d}"


def posting(rng, number, employer, trade_name, openings, posted, deadline, batch=None, employers=EMPLOYERS, where=None):
    zone, housing, foreign, _ = employers[employer]
    trade = TRADES[trade_name]
    english = foreign and rng.random() < 0.35
    title = rng.choice(trade["en"]) if english else rng.choice(trade["vi"])
    skills = rng.sample(trade["skills"], k=min(len(trade["skills"]), rng.randint(2, 4)))
    salary_min, salary_max = trade["salary"]
    low = rng.randint(salary_min, max(salary_min, salary_max - 2))
    high = rng.randint(low + 1, salary_max + 2)
    edu = rng.choice(trade["edu"])
    aud = rng.choice(trade["aud"])
    age_min, age_max = trade["age"]
    requirements = ["Sức khỏe tốt", f"tuổi từ {age_min} đến {age_max}"]
    if edu:
        requirements.append({"lower_secondary": "tốt nghiệp THCS trở lên", "upper_secondary": "tốt nghiệp THPT trở lên",
                             "elementary_vocational": "có chứng chỉ sơ cấp nghề", "intermediate_vocational": "tốt nghiệp trung cấp nghề trở lên",
                             "college": "tốt nghiệp cao đẳng trở lên", "university": "tốt nghiệp đại học chuyên ngành phù hợp"}[edu])
    requirements.append("biết " + ", ".join(skills[:2]))
    if aud and "discharged_soldier" in aud:
        requirements.append("ưu tiên bộ đội xuất ngũ")
    description = [f"Làm việc tại {where or zone + ', Hải Phòng'}.", "Làm ca, có xe đưa đón từ trung tâm thành phố." if rng.random() < 0.5 else "Làm giờ hành chính."]
    if housing:
        description.append("Có ký túc xá miễn phí cho công nhân ở xa.")
    if rng.random() < 0.3:
        description.append("Đóng bảo hiểm xã hội đầy đủ, thưởng tháng 13.")
    record = {
        "id": f"P-{number:04d}" if number < 10_000 else f"P-{number}",
        "employer": employer.replace(" (*)", ""),
        "zone": zone,
        "district": ZONES.get(zone),
        "title": as_typed(rng, title),
        "description": as_typed(rng, " ".join(description)),
        "requirements": as_typed(rng, "; ".join(requirements)),
        "skills": [as_typed(rng, skill, 0.05) for skill in skills],
        "openings": openings,
        "age_min": age_min,
        "age_max": age_max,
        "salary_min": low * 1_000_000,
        "salary_max": high * 1_000_000,
        "housing": housing,
        "posted": posted,
        "deadline": deadline,
    }
    if edu:
        record["education_min"] = edu
    if aud:
        record["audiences"] = aud
    if batch:
        record["batch"] = batch  # an extra field: kept in the store, ignored by matching
    return record


def postings(rng, count):
    records = []
    # The September batch: 18 enterprises asked for 1,408 workers at once.
    batch_employers = rng.sample(sorted(EMPLOYERS), 18)
    shares = [rng.randint(30, 140) for _ in batch_employers]
    scale = 1408 / sum(shares)
    openings = [max(5, round(s * scale)) for s in shares]
    openings[-1] += 1408 - sum(openings)
    for employer, wanted in zip(batch_employers, openings):
        trade = rng.choice(EMPLOYERS[employer][3])
        day = rng.randint(3, 20)
        records.append(posting(rng, len(records) + 1, employer, trade, wanted, date(2026, 9, day), date(2026, 12, rng.randint(1, 31)), "2026-09"))
    while len(records) < count:
        employer = rng.choice(sorted(EMPLOYERS))
        trade = rng.choice(EMPLOYERS[employer][3])
        month = rng.choice([9, 10, 10, 11, 11, 11])
        posted = date(2026, month, rng.randint(1, 28))
        # Most postings are open on 2026-11-23; about one in eight has closed.
        deadline = date(2026, 11, rng.randint(1, 20)) if rng.random() < 0.12 else rng.choice(
            [date(2026, 12, rng.randint(1, 31)), date(2027, 1, rng.randint(1, 31)), date(2027, 2, rng.randint(1, 28))])
        records.append(posting(rng, len(records) + 1, employer, trade, rng.choice([2, 5, 10, 20, 30, 50, 100]), posted, deadline))
    return records


def profile(rng, number, trade_names=None):
    category = rng.choices(["graduate", "discharged_soldier", "vocational_student", "other"], weights=[30, 20, 40, 10])[0]
    trade_name = rng.choice(trade_names or sorted(TRADES))
    trade = TRADES[trade_name]
    if category == "graduate":
        edu = rng.choice(["college", "university", "university", "postgraduate"])
    elif category == "vocational_student":
        edu = rng.choice(["elementary_vocational", "intermediate_vocational", "intermediate_vocational", "college"])
    elif category == "discharged_soldier":
        edu = rng.choice(["lower_secondary", "upper_secondary", "upper_secondary", "elementary_vocational"])
    else:
        edu = rng.choice([None, "lower_secondary", "upper_secondary"])
    birth = rng.randint(1980, 2006) if category == "other" else rng.randint(1994, 2005)
    from_province = rng.random() < 0.3
    district = rng.choice(PROVINCES[:3] * 2 + PROVINCES) if from_province else rng.choice(HP_DISTRICTS)
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    skills = rng.sample(trade["skills"], k=min(len(trade["skills"]), rng.randint(1, 3)))
    if category == "discharged_soldier" and rng.random() < 0.5:
        skills.append(rng.choice(["lái xe", "bằng lái C", "an toàn lao động", "kỷ luật tốt"]))
    titles = [rng.choice(trade["vi"] + trade["en"])]
    summary = {"graduate": "Sinh viên mới tốt nghiệp, muốn làm việc tại khu công nghiệp",
               "discharged_soldier": "Đã hoàn thành nghĩa vụ quân sự, sức khỏe tốt, muốn tìm việc ổn định",
               "vocational_student": "Học viên trường nghề, muốn làm đúng nghề đã học",
               "other": "Lao động phổ thông, chăm chỉ, có thể làm ca"}[category]
    record = {
        "id": f"C-{number:05d}" if number < 100_000 else f"C-{number}",
        "name": as_typed(rng, name, 0.04),
        "phone": f"0900{rng.randint(0, 999999):06d}",
        "category": category,
        "skills": [as_typed(rng, s, 0.1) for s in skills],
        "desired_titles": [as_typed(rng, t, 0.1) for t in titles],
        "summary": as_typed(rng, summary),
        "birth_year": birth if rng.random() < 0.95 else None,
        "district": as_typed(rng, district, 0.1),
        "desired_salary": rng.randint(trade["salary"][0], trade["salary"][1] + 3) * 1_000_000,
        "needs_housing": from_province or rng.random() < 0.1,
        "experience_years": rng.choice([0, 0, 0.5, 1, 2, 3, 5]),
    }
    if edu:
        record["education"] = edu
    if trade["majors"] and category in ("graduate", "vocational_student"):
        record["major"] = as_typed(rng, rng.choice(trade["majors"]), 0.1)
    schools = SCHOOLS[category]
    if schools:
        record["school"] = rng.choice(schools)
    return {key: value for key, value in record.items() if value is not None}


class MapTables:
    """The reference tables of map/ that the records of today's map are drawn from, so that every unit named is real."""

    def __init__(self, directory):
        def rows(name):
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                return [line.rstrip("\n").split("\t") for line in handle if line.strip() and not line.startswith("#")]
        self.provinces = {code: name for code, _, name, *_ in rows("provinces.tsv")}
        self.old_provinces = {name: (code, new_code) for code, _, name, new_code, *_ in rows("old-provinces.tsv")}
        self.units = {code: (province, kind, name) for code, province, kind, name, *_ in rows("units.tsv")}
        self.old_districts = {code: (province, kind, name) for code, province, kind, name, *_ in rows("old-districts.tsv")}
        # code, old district code, kind, name, codes of today's units it went into
        self.old_communes = [(code, district, kind, name, [c for c in new.split("|") if c in self.units])
                             for code, district, kind, name, new, *_ in rows("old-communes.tsv")]
        # Hải Phòng of today, without Bạch Long Vĩ (an island with a garrison and a few hundred people).
        self.hp_units = [code for code, (province, kind, name) in self.units.items() if province == "31" and name != "Bạch Long Vĩ"]
        self.hp_old_communes = [c for c in self.old_communes if self.old_districts[c[1]][0] in ("30", "31")
                                and self.old_districts[c[1]][2] != "Bạch Long Vĩ"]
        # Today's units of Hải Phòng that hold communes of the former Hải Dương.
        self.former_hd_units = {code for c in self.old_communes if self.old_districts[c[1]][0] == "30" for code in c[4]}
        self.check()

    def unit(self, kind, name, province="31"):
        found = [code for code, unit in self.units.items() if unit == (province, kind, name)]
        assert len(found) == 1, (kind, name, found)
        return found[0]

    def old_commune(self, kind, name, district_kind, district_name, old_province="30"):
        found = [c for c in self.old_communes if c[2] == kind and c[3] == name
                 and self.old_districts[c[1]] == (old_province, district_kind, district_name)]
        assert len(found) == 1, (kind, name, district_name, found)
        return found[0]

    def communes_of(self, old_province):
        return [c for c in self.old_communes if self.old_districts[c[1]][0] == old_province and c[4]]

    def check(self):
        with open(os.path.join(HERE, "places.tsv"), encoding="utf-8") as handle:
            zones = {}
            for line in handle:
                if line.startswith("zone\t"):
                    columns = line.rstrip("\n").split("\t")
                    zones[columns[1]] = columns[4].split("|") if len(columns) > 4 else []
        for zone, (unit, commune, district) in HD_PARKS.items():
            assert zone in zones and zone.replace("KCN ", "Khu công nghiệp ", 1) in zones[zone], zone
            code = self.unit(*unit)
            assert code in self.old_commune(*commune, *district)[4], (zone, unit, commune)
        assert all(zone in HD_PARKS for zone, *_ in HD_EMPLOYERS.values()) and set(HD_LOTS) == set(HD_EMPLOYERS)
        for street, ward in CITY_ADDRESSES.values():
            self.unit("phường", ward)
        names = {name for province, _, name in self.units.values() if province == "31"}
        names |= {c[3] for c in self.hp_old_communes} | {name for province, _, name in self.old_districts.values() if province in ("30", "31")}
        assert not names & set(STREETS), names & set(STREETS)
        for name in HOME_PROVINCES:
            assert name in self.old_provinces and self.communes_of(self.old_provinces[name][0]), name


SHORT_KINDS = {"phường": "P.", "xã": "X.", "thị trấn": "TT", "huyện": "H.", "quận": "Q.", "thành phố": "TP", "thị xã": "TX"}


def kind_word(rng, kind, short_share=0.2):
    """`phường`, or as typed: `P.`, `TP`, `TX`… (an old district-level city is mostly written `TP`)."""
    if kind == "thành phố":
        return "TP" if rng.random() < 0.7 else "thành phố"
    if kind in SHORT_KINDS and rng.random() < short_share:
        return SHORT_KINDS[kind]
    return kind


def unit_as_typed(rng, kind, name):
    """A unit's name with its kind word, as people fill in a `district` field: `Phường Thành Đông`, `xa an hung`…"""
    roll = rng.random()
    text = f"{kind.capitalize()} {name}"
    if roll < 0.45:
        return text
    if roll < 0.63:
        return f"{kind} {name}"
    if roll < 0.70:
        return f"{SHORT_KINDS.get(kind, kind.capitalize())} {name}"
    if roll < 0.82:
        return strip_accents(text).lower()
    if roll < 0.88:
        return text.upper()
    if roll < 0.94:
        return unicodedata.normalize("NFD", text)
    return old_tones(text)


def address_as_typed(rng, text):
    """A whole address as typed: mostly as is, some without accents, some in NFD."""
    roll = rng.random()
    if roll < 0.08:
        return strip_accents(text)
    if roll < 0.13:
        return unicodedata.normalize("NFD", text)
    return text


def city_tail(rng):
    return rng.choice(["TP Hải Phòng", "TP Hải Phòng", "Hải Phòng", "Hải Phòng", "thành phố Hải Phòng", "TP. Hải Phòng", "Thành phố Hải Phòng"])


def street_or_hamlet(rng, kind, name):
    """The first part of an invented home address: a house on a street in a ward, a hamlet in a commune."""
    if kind in ("phường", "thị trấn"):
        street = rng.choice(WARD_STREETS.get(name, []) + STREETS)
        return rng.choice([f"Số {rng.randint(1, 250)} {street}", f"Số {rng.randint(1, 80)} ngõ {rng.randint(1, 60)} {street}",
                           f"{rng.randint(1, 300)} {street}", f"Tổ dân phố {rng.randint(1, 15)}"])
    return rng.choice([f"Thôn {rng.randint(1, 12)}", f"Thôn {rng.choice(HAMLET_WORDS)}", f"Xóm {rng.randint(1, 9)}", f"Thôn {rng.randint(1, 12)}"])


def posting_address(rng, employer, zone):
    (kind, unit), (old_kind, old_commune), (district_kind, district) = HD_PARKS[zone]
    lot = HD_LOTS[employer]
    named = zone if rng.random() < 0.75 else zone.replace("KCN ", "Khu công nghiệp ", 1)
    roll = rng.random()
    if roll < 0.6:  # today's units
        form = rng.random()
        if form < 0.45:
            text = f"{lot}, {named}, {kind_word(rng, kind)} {unit}, {city_tail(rng)}"
        elif form < 0.65:
            text = f"{lot} {named}, {kind_word(rng, kind)} {unit}, {city_tail(rng)}"
        elif form < 0.85:
            text = f"{named}, {kind_word(rng, kind, 0)} {unit}, {city_tail(rng)}"
        else:
            text = f"{lot}, {named}, {city_tail(rng)}"
    elif roll < 0.88:  # the old map's
        province = rng.choice(["tỉnh Hải Dương", "tỉnh Hải Dương", "Hải Dương"])
        form = rng.random()
        if form < 0.45:
            text = f"{named}, {old_kind} {old_commune}, {kind_word(rng, district_kind)} {district}, {province}"
        elif form < 0.75:
            text = f"{lot}, {named}, {kind_word(rng, old_kind)} {old_commune}, {kind_word(rng, district_kind)} {district}, {province}"
        else:
            text = f"{named}, {kind_word(rng, district_kind, 0.1)} {district}, {province}"
    else:
        return None
    return address_as_typed(rng, text) if rng.random() < 0.5 else text


def posting_district(rng, zone):
    (kind, unit), _, (district_kind, district) = HD_PARKS[zone]
    roll = rng.random()
    if roll < 0.45:
        return unit_as_typed(rng, kind, unit) if rng.random() < 0.3 else f"{kind.capitalize()} {unit}"
    if roll < 0.8:
        return f"TP {district}" if district_kind == "thành phố" and (district == "Hải Dương" or rng.random() < 0.5) else district
    return None


def split_postings(total):
    """(before 1 July 2025's map, at the former Hải Dương's parks, in the old city with only an address): 1 in 9 at a
    park, 1 in 72 in the city. The bundled 365 are 320 + 40 + 5."""
    parks, city = total // 9, total // 72
    return total - parks - city, parks, city


def split_profiles(total):
    """(before, on today's map): 1 in 10 written the new ways. The bundled 2,222 are 2,000 + 222."""
    new = total // 10
    return total - new, new


def new_postings(rng, first, parks, city):
    """Postings of today's map, numbered from `first`: `parks` at the former Hải Dương's parks (every employer once
    before any twice), `city` in the old city with only an address."""
    kinds = ["park"] * parks + ["city"] * city
    rng.shuffle(kinds)
    orders = {"park": sorted(HD_EMPLOYERS), "city": sorted(CITY_EMPLOYERS)}
    for order in orders.values():
        rng.shuffle(order)
    seen = {"park": 0, "city": 0}
    employers = {**HD_EMPLOYERS, **CITY_EMPLOYERS}
    for offset, kind in enumerate(kinds):
        order = orders[kind]
        employer = order[seen[kind]] if seen[kind] < len(order) else rng.choice(sorted(order))
        seen[kind] += 1
        zone = employers[employer][0]
        trade = rng.choice(employers[employer][3])
        posted = date(2026, rng.choice([10, 11, 11, 11]), rng.randint(1, 20))
        # Open on 2026-11-23 and after: deadlines from late November to January.
        deadline = rng.choice([date(2026, 11, rng.randint(24, 30)), date(2026, 12, rng.randint(1, 31)), date(2026, 12, rng.randint(1, 31)),
                               date(2027, 1, rng.randint(1, 15))])
        if kind == "park":
            unit_kind, unit = HD_PARKS[zone][0]
            where = f"{zone}, Hải Phòng" if rng.random() < 0.5 else f"{zone}, {unit_kind} {unit}, TP Hải Phòng"
            district, address = posting_district(rng, zone), posting_address(rng, employer, zone)
        else:
            street, ward = CITY_ADDRESSES[employer]
            where = f"phường {ward}, Hải Phòng"
            district, address = None, f"{street}, {kind_word(rng, 'phường')} {ward}, {city_tail(rng)}"
        record = posting(rng, first + offset, employer, trade, rng.choice([2, 5, 10, 20, 30, 50, 100]), posted, deadline,
                         employers=employers, where=where)
        placed = {"id": record.pop("id"), "employer": record.pop("employer"), "zone": record.pop("zone"), "district": district, "address": address}
        record.pop("district")
        yield {key: value for key, value in {**placed, **record}.items() if value is not None}


def home(rng, tables):
    """(district, address, from another province, in the former Hải Dương) of a profile of today's map."""
    where = rng.choices(["new", "old", "province"], weights=[45, 30, 25])[0]
    if where == "new":  # a unit of today's Hải Phòng
        code = rng.choice(tables.hp_units)
        _, kind, name = tables.units[code]
        mode = rng.choices(["district", "address", "both"], weights=[10, 45, 45])[0]
        district = unit_as_typed(rng, kind, name) if mode != "address" else None
        address = None
        if mode != "district":
            parts = [street_or_hamlet(rng, kind, name)] if rng.random() < 0.85 else []
            written = rng.choices([kind, kind.capitalize(), SHORT_KINDS.get(kind, kind), ""], weights=[60, 20, 15, 5])[0]
            parts += [f"{written} {name}".strip(), city_tail(rng)]
            address = address_as_typed(rng, ", ".join(parts))
        return district, address, False, code in tables.former_hd_units
    if where == "old":  # a commune of the old map, in the former Hải Dương or Hải Phòng
        _, district_code, kind, name, _ = rng.choice(tables.hp_old_communes)
        province_code, district_kind, district_name = tables.old_districts[district_code]
        mode = rng.choices(["district", "address", "both"], weights=[10, 50, 40])[0]
        district = None
        if mode != "address":
            if district_kind == "thành phố" and district_name == "Hải Dương":  # alone, "Hải Dương" is the province
                written = f"{kind_word(rng, district_kind)} {district_name}"
            elif rng.random() < 0.3:
                written = f"{kind_word(rng, district_kind, 0.3)} {district_name}"
            else:
                written = district_name
            district = as_typed(rng, written, 0.1)
        address = None
        if mode != "district":
            province = rng.choice(["tỉnh Hải Dương", "Hải Dương"]) if province_code == "30" else rng.choice(["Hải Phòng", "TP Hải Phòng", "TP. Hải Phòng"])
            commune = f"{kind_word(rng, kind)} {name}"
            old_district = f"{kind_word(rng, district_kind)} {district_name}"
            form = rng.random()
            if form < 0.45:
                text = f"{commune}, {old_district}, {province}"
            elif form < 0.65:
                text = f"{street_or_hamlet(rng, kind, name)}, {commune}, {old_district}, {province}"
            elif form < 0.8:
                text = f"{commune}, {old_district}"
            elif form < 0.92:
                text = f"{old_district}, {province}"
            else:
                text = f"{commune} {old_district} {province}"
            address = address_as_typed(rng, text)
        return district, address, False, province_code == "30"
    # another province, merged on 1 July 2025: its old name or its new one, an address of either map
    old_name = rng.choice(HOME_PROVINCES)
    old_code, new_code = tables.old_provinces[old_name]
    new_name = tables.provinces[new_code]
    _, district_code, kind, name, units = rng.choice(tables.communes_of(old_code))
    _, district_kind, district_name = tables.old_districts[district_code]
    mode = rng.choices(["district", "address", "both"], weights=[10, 30, 60])[0]
    district = as_typed(rng, new_name if rng.random() < 0.3 else old_name, 0.1) if mode != "address" else None
    address = None
    if mode != "district":
        hamlet = rng.random() < 0.5
        if rng.random() < 0.55:
            parts = [f"{kind_word(rng, kind)} {name}", f"{kind_word(rng, district_kind)} {district_name}", f"tỉnh {old_name}"]
        else:
            _, kind, name = tables.units[rng.choice(units)]
            parts = [f"{kind_word(rng, kind)} {name}", f"tỉnh {new_name}"]
        text = ", ".join(([street_or_hamlet(rng, kind, name)] if hamlet else []) + parts)
        address = address_as_typed(rng, text)
    return district, address, True, False


def new_profile(rng, number, tables, phones):
    """A profile of today's map: the generator's own distributions (half of them wanting a trade of the parks'
    postings), a home from `home`, a phone not in `phones` (when one can be found quickly)."""
    record = profile(rng, number, HD_WANTED if rng.random() < 0.5 else None)
    district, address, from_province, in_hd = home(rng, tables)
    for _ in range(30):
        phone = rng.randint(0, 999999)
        if phone not in phones:
            break
    phones.add(phone)
    record["phone"] = f"0900{phone:06d}"
    record["needs_housing"] = rng.random() < (0.85 if from_province else 0.12)
    if in_hd and record.get("school") and record["category"] in ("graduate", "vocational_student") and rng.random() < 0.5:
        record["school"] = rng.choice(HD_SCHOOLS if record["category"] == "graduate" else HD_SCHOOLS[2:])
    ordered = {}
    for key, value in record.items():
        if key == "district":
            ordered["district"], ordered["address"] = district, address
        else:
            ordered[key] = value
    return {key: value for key, value in ordered.items() if value is not None}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=365, help="postings in all (1 in 9 at a former Hải Dương park, 1 in 72 in the city)")
    parser.add_argument("--profiles", type=int, default=2222, help="profiles in all (1 in 10 with a home of today's map)")
    parser.add_argument("--seed", type=int, default=20240917)
    parser.add_argument("--out", default=HERE)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    tables = MapTables(os.path.join(HERE, "map"))
    before, parks, city = split_postings(args.postings)
    old_profiles, new_profiles = split_profiles(args.profiles)
    # The records of the old map come from the seed's stream exactly as before 1 July 2025's were added, so the
    # bundled files keep their first 320 and 2,000 lines; today's map has streams of its own (seed + 1, seed + 2).
    rng = random.Random(args.seed)
    with open(os.path.join(args.out, "postings.jsonl"), "w", encoding="utf-8") as handle:
        records = postings(rng, before)
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        for record in new_postings(random.Random(args.seed + 1), len(records) + 1, parks, city):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    phones = set()
    with open(os.path.join(args.out, "profiles.jsonl"), "w", encoding="utf-8") as handle:
        for number in range(1, old_profiles + 1):
            record = profile(rng, number)
            phones.add(int(record["phone"][4:]))
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        new_rng = random.Random(args.seed + 2)
        for number in range(old_profiles + 1, old_profiles + new_profiles + 1):
            handle.write(json.dumps(new_profile(new_rng, number, tables, phones), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
