#!/usr/bin/env python3
"""Generates HezaMatch's demonstration corpus, reproducibly (fixed seed).

    python3 Corpus/generate.py                      # the bundled files: 320 postings, 2,000 profiles
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


def posting(rng, number, employer, trade_name, openings, posted, deadline, batch=None):
    zone, housing, foreign, _ = EMPLOYERS[employer]
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
    description = [f"Làm việc tại {zone}, Hải Phòng.", "Làm ca, có xe đưa đón từ trung tâm thành phố." if rng.random() < 0.5 else "Làm giờ hành chính."]
    if housing:
        description.append("Có ký túc xá miễn phí cho công nhân ở xa.")
    if rng.random() < 0.3:
        description.append("Đóng bảo hiểm xã hội đầy đủ, thưởng tháng 13.")
    record = {
        "id": f"P-{number:04d}" if number < 10_000 else f"P-{number}",
        "employer": employer.replace(" (*)", ""),
        "zone": zone,
        "district": ZONES[zone],
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


def profile(rng, number):
    category = rng.choices(["graduate", "discharged_soldier", "vocational_student", "other"], weights=[30, 20, 40, 10])[0]
    trade_name = rng.choice(sorted(TRADES))
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=320)
    parser.add_argument("--profiles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20240917)
    parser.add_argument("--out", default=HERE)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    with open(os.path.join(args.out, "postings.jsonl"), "w", encoding="utf-8") as handle:
        for record in postings(rng, args.postings):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "profiles.jsonl"), "w", encoding="utf-8") as handle:
        for number in range(1, args.profiles + 1):
            handle.write(json.dumps(profile(rng, number), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
