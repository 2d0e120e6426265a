"""Browser tests of the web pages, in headless Chromium (Debian's chromium and chromium-driver,
driven by PyPI's selenium). Run by scripts/browser-test, which starts `hezamatch serve` on a store
of the bundled Corpus and passes its address in HEZAMATCH_URL and a counsellor's token in
HEZAMATCH_TOKEN. Screenshots go to HEZAMATCH_SHOTS when it is set."""
import base64
import json
import os
import subprocess
import tempfile
import unittest
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def wait_for(driver, condition, what):
    """Waits (5 s at most) until `condition(driver)` holds: a click's page may still be loading."""
    WebDriverWait(driver, 5).until(condition, what)

def present_now(driver, selector):
    """The elements matching `selector` once the page has loaded, without the implicit wait: for checks that expect
    none, which would otherwise wait the implicit 5 s each."""
    WebDriverWait(driver, 5).until(lambda d: d.execute_script("return document.readyState") == "complete", "the page loaded")
    driver.implicitly_wait(0)
    try:
        return driver.find_elements(By.CSS_SELECTOR, selector)
    finally:
        driver.implicitly_wait(5)

URL = os.environ["HEZAMATCH_URL"]
TOKEN = os.environ["HEZAMATCH_TOKEN"]
SHOTS = os.environ.get("HEZAMATCH_SHOTS")


def emulate(driver, width, height):
    """The viewport of a device `width` CSS pixels wide (a window cannot be made that narrow)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def browser(width=1280, height=1000):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    emulate(driver, width, height)
    return driver


def shot(driver, name, width, height=1400):
    if not SHOTS:
        return
    emulate(driver, width, height)
    total = driver.execute_script("return document.documentElement.scrollHeight")
    emulate(driver, width, min(max(total, 600), 2400))
    driver.save_screenshot(os.path.join(SHOTS, f"{name}-{width}.png"))
    emulate(driver, 1280, 1000)


class PublicPages(unittest.TestCase):
    def setUp(self):
        self.driver = browser()

    def tearDown(self):
        self.driver.quit()

    def test_a_search_typed_without_accents_finds_accented_postings(self):
        d = self.driver
        d.get(URL + "/")
        box = d.find_element(By.ID, "q")
        self.assertEqual(d.find_element(By.CSS_SELECTOR, "label[for=q]").text[:9], "Công việc")
        box.send_keys("ky su dien tu")
        box.submit()
        titles = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".jobs h2")]
        self.assertTrue(titles, "no result")
        self.assertTrue(any("Kỹ sư" in t or "Ky su" in t for t in titles[:5]), titles[:5])
        marks = d.find_elements(By.CSS_SELECTOR, ".jobs mark")
        self.assertTrue(marks and marks[0].text.lower() in ["kỹ", "ky", "sư", "su", "điện", "dien", "tử", "tu"])
        # The likely accents are offered, as a link that searches them.
        offer = d.find_element(By.CSS_SELECTOR, ".did-you-mean a")
        self.assertEqual(offer.text, "kỹ sư điện tử")
        shot(d, "search", 1280)
        shot(d, "search", 360)

    def test_a_place_in_the_words_is_understood_and_can_be_undone(self):
        d = self.driver
        d.get(URL + "/")
        box = d.find_element(By.ID, "q")
        box.send_keys("cong nhan trang due")
        box.submit()
        understood = d.find_element(By.CSS_SELECTOR, ".understood")
        self.assertIn("KCN Tràng Duệ (xếp trước)", understood.text)
        # Typed with other words, the zone ranks its postings first (it is no filter): the first
        # page's postings at Tràng Duệ all come before any elsewhere.
        employers = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".jobs .employer")]
        there = ["KCN Tràng Duệ" in e for e in employers]
        self.assertTrue(employers and there[0] and there == sorted(there, reverse=True), employers)
        understood.find_element(By.TAG_NAME, "a").click()
        wait_for(d, lambda d: "understand=false" in d.current_url, "the literal search")
        self.assertFalse(present_now(d, ".understood"))

    def test_a_facet_click_narrows_the_results(self):
        d = self.driver
        d.get(URL + "/?q=cong%20nhan")
        before = int(d.find_element(By.CSS_SELECTOR, ".total").text.split()[0].rstrip("+"))
        link = d.find_element(By.CSS_SELECTOR, ".facets section:first-child a")
        zone = link.text.rsplit(" ", 1)[0]
        link.click()
        wait_for(d, lambda d: "zone=" in d.current_url, "the facet's page")
        after = int(d.find_element(By.CSS_SELECTOR, ".total").text.split()[0].rstrip("+"))
        self.assertLess(after, before)
        employers = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".jobs .employer")]
        self.assertTrue(employers and all(zone in e for e in employers), (zone, employers))
        self.assertEqual(d.find_element(By.CSS_SELECTOR, ".facets a.selected").text.rsplit(" ", 1)[0], zone)

    def test_the_page_works_for_a_phone_and_a_keyboard(self):
        d = browser(360, 800)
        try:
            d.get(URL + "/?q=tho%20han")
            width = d.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, 360, "the page scrolls sideways on a phone")
            # Every control has a label; the first Tab reaches the skip link.
            for control in d.find_elements(By.CSS_SELECTOR, "input:not([type=hidden]), select, textarea"):
                label = d.find_elements(By.CSS_SELECTOR, f"label[for='{control.get_attribute('id')}']")
                self.assertTrue(label or control.get_attribute("aria-label"), control.get_attribute("name"))
            d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
            self.assertEqual(d.switch_to.active_element.get_attribute("class"), "skip")
            d.switch_to.active_element.send_keys(Keys.ENTER)
            d.switch_to.active_element.send_keys(Keys.TAB)
            self.assertTrue(d.switch_to.active_element.location["y"] > 0, "Tab after the skip link stays in the main part")
        finally:
            d.quit()


class Console(unittest.TestCase):
    def setUp(self):
        self.driver = browser()
        d = self.driver
        d.get(URL + "/console")
        self.assertIn("/console/sign-in", d.current_url)
        d.find_element(By.ID, "token").send_keys(TOKEN)
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        wait_for(d, lambda d: d.current_url.endswith("/console"), "the console after sign-in")
        self.assertNotIn(TOKEN, d.current_url)
        cookie = d.get_cookie("hezamatch_session")
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")

    def tearDown(self):
        self.driver.quit()

    def find(self, text):
        d = self.driver
        d.find_element(By.ID, "text").send_keys(text)
        d.find_element(By.ID, "text").submit()
        return d.find_elements(By.CSS_SELECTOR, "table.people tbody tr")

    def test_sign_in_find_a_candidate_and_read_their_matches(self):
        d = self.driver
        shot(d, "console", 1280, 800)
        rows = self.find("C-00015")
        self.assertEqual(len(rows), 1, [r.text for r in rows])
        self.assertNotIn("C-00015", d.current_url.split("/console")[1] if "?" in d.current_url else "")
        rows[0].find_element(By.CSS_SELECTOR, "a").click()
        wait_for(d, lambda d: "/console/candidates/C-00015" in d.current_url, "the candidate's page")
        reasons = [e.text for e in d.find_elements(By.CSS_SELECTOR, ".matches .reasons")]
        self.assertTrue(reasons, "no match")
        self.assertTrue(any("tuổi" in r or "Đúng nghề" in r for r in reasons), reasons[:3])
        shot(d, "candidate", 1280)
        shot(d, "candidate", 360)
        # By name, without accents.
        d.get(URL + "/console")
        self.assertTrue(self.find("pham quang cuong"), "a name typed without accents")

    def test_a_shortlist_prints_on_a4_without_cut_columns(self):
        d = self.driver
        d.get(URL + "/console/jobs/P-0001/shortlist")
        self.assertTrue(d.find_elements(By.CSS_SELECTOR, "table.people tbody tr"))
        # Ids, phones and scores are never broken across lines on a desktop.
        broken = d.execute_script("""return [...document.querySelectorAll('table.people td.nowrap')]
            .filter(td => { const r = document.createRange(); r.selectNodeContents(td);
                            return r.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(td).lineHeight); }).length""")
        self.assertEqual(broken, 0)
        shot(d, "shortlist", 1280)
        # Printed with Debian's default fonts (DejaVu, wider) and with Noto: an office printer may have either.
        for font in ["DejaVu Sans", "Noto Sans"]:
            self.check_printed_shortlist(d, font)

    def check_printed_shortlist(self, d, font):
        d.get(URL + "/console/jobs/P-0001/shortlist.html")
        # The font set through the CSS object model (the page's Content-Security-Policy forbids inline styles).
        d.execute_script("document.body.style.fontFamily = arguments[0];", f'"{font}"')
        self.assertTrue(d.execute_script("return document.fonts.check('10pt \"' + arguments[0] + '\"');", font), f"{font} is not installed")
        # The printed table must fit the printed width: A4 landscape, 12 mm margins = 273 mm.
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        emulate(d, int(273 / 25.4 * 96), 900)
        overflow = d.execute_script(
            "const t = document.querySelector('table'); return t.getBoundingClientRect().right - document.documentElement.clientWidth;")
        self.assertLessEqual(overflow, 1, f"the table is wider than the printed page ({font})")
        # Printed as Chromium prints: the page's own @page size (preferCSSPageSize), not Letter.
        pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
            f.write(pdf)
        info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        size = [line for line in info.splitlines() if line.startswith("Page size")][0]
        self.assertIn("A4", size)
        self.assertIn("landscape" if "842" in size.split("x")[0] else "", size)
        fonts = subprocess.run(["pdffonts", f.name], capture_output=True, text=True).stdout
        self.assertIn(font.replace(" ", ""), fonts.replace(" ", ""), f"the PDF is not set in {font}")
        text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True).stdout
        for header in ["Hạng", "Họ tên", "Điện thoại", "Lý do", "Đã gọi"]:
            self.assertIn(header, text, f"column {header} is not on the printed page ({font})")
        if SHOTS:
            name = "shortlist-print" + ("" if font == "Noto Sans" else "-" + font.split()[0].lower())
            subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", f.name, os.path.join(SHOTS, name)])

    def test_an_import_with_a_bad_line_names_it(self):
        d = self.driver
        d.get(URL + "/console/import")
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            f.write('{"id":"B-1","employer":"Công ty Thử","title":"Thợ tiện"}\n{"id":"B-2","title":"thiếu employer"}\n')
        d.find_element(By.ID, "file").send_keys(f.name)
        d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        error = d.find_element(By.CSS_SELECTOR, ".error").text
        self.assertIn(os.path.basename(f.name) + ":2: field 'employer': is required but missing", error)
        shot(d, "import", 1280, 900)
        d.get(URL + "/jobs/B-1")
        self.assertIn("Không tìm thấy", d.title)  # nothing of the refused file was stored

    def test_a_candidate_is_erased_after_confirmation(self):
        d = self.driver
        d.get(URL + "/console/candidates/C-01999")
        d.find_element(By.CSS_SELECTOR, "main a.danger").click()
        wait_for(d, lambda d: "/delete" in d.current_url, "the confirmation page")
        submit = d.find_element(By.CSS_SELECTOR, "main form button.danger")
        submit.click()  # not confirmed: the browser refuses the form (the box is required)
        self.assertIn("/delete", d.current_url)
        d.find_element(By.NAME, "confirm").click()
        d.find_element(By.CSS_SELECTOR, "main form button.danger").click()
        wait_for(d, lambda d: "Đã xóa hồ sơ C-01999" in d.page_source, "the erasure's answer")
        d.get(URL + "/console/candidates/C-01999")
        self.assertIn("Không có hồ sơ", d.page_source)


class Employer(unittest.TestCase):
    """A counsellor refers two candidates from a posting's shortlist; the employer answers on a 360-px phone: one tap to
    hire, two to refuse with a reason.

    On a server of its own (scripts/test-server): the contract test beside the others may answer any referral it lists
    with a counsellor's token, and would take this test's referrals from under it."""

    @classmethod
    def setUpClass(cls):
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
        line = subprocess.run([os.path.join(root, "scripts", "test-server")], capture_output=True, text=True, check=True, cwd=root).stdout
        cls.url, cls.token, cls.server, cls.work = line.split()
        cls.root = root

    @classmethod
    def tearDownClass(cls):
        subprocess.run([os.path.join(cls.root, "scripts", "test-server"), "--stop", cls.server, cls.work], check=False)

    def test_an_employer_answers_on_a_phone_in_one_tap(self):
        # A posting of the booth's employer that only this test uses: the contract test beside it may change or delete
        # the Corpus's postings on the same server.
        posting = f"P-BROWSER-{os.getpid()}"
        body = json.dumps({"employer": "Công ty CP Kho vận Đình Vũ", "zone": "KCN Đình Vũ", "title": "Nhân viên kho",
                           "skills": ["lái xe nâng", "quản lý kho"], "openings": 20, "deadline": "2099-12-31"}).encode()
        put = urllib.request.Request(f"{self.url}/v1/jobs/{posting}", data=body, method="PUT",
                                     headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(put, timeout=30) as answer:
            self.assertEqual(answer.status, 200)
        counsellor = browser()
        try:
            counsellor.get(self.url + "/console/sign-in")
            counsellor.find_element(By.ID, "token").send_keys(self.token)
            counsellor.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            wait_for(counsellor, lambda d: d.current_url.endswith("/console"), "the console")
            def referred_ids():
                return {e.text for e in present_now(counsellor, ".referred-list > li > strong:first-child")}
            counsellor.get(f"{self.url}/console/jobs/{posting}/shortlist")
            before = referred_ids()
            for _ in range(2):
                counsellor.get(f"{self.url}/console/jobs/{posting}/shortlist")
                counsellor.find_element(By.XPATH, "//table[@class='people']//button[text()='Giới thiệu']").click()
                # The contract test beside it may keep the server busy: a longer wait than a page's.
                WebDriverWait(counsellor, 30).until(lambda d: "#referrals" in d.current_url, "back on the shortlist")
            # This test's referrals only: the contract test beside it may make others on the same server.
            ours = sorted(referred_ids() - before)
            self.assertEqual(len(ours), 2, ours)
        finally:
            counsellor.quit()

        d = browser(360, 740)
        try:
            d.get(self.url + "/employer")
            self.assertIn("/employer/sign-in", d.current_url)
            d.find_element(By.ID, "token").send_keys(self.token + "-booth")
            d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
            WebDriverWait(d, 30).until(lambda d: d.current_url.endswith("/employer"), "the employer's page")
            cards = [d.find_element(By.CSS_SELECTOR, f"article.referral[id='{id}']") for id in ours]
            for card in cards:
                self.assertTrue(card.find_element(By.CSS_SELECTOR, "a.call").get_attribute("href").startswith("tel:"))
            # Fits the phone: nothing wider than the screen; buttons big enough for a thumb; every control labelled.
            self.assertLessEqual(d.execute_script("return document.documentElement.scrollWidth"), 360)
            small = d.execute_script("""return [...document.querySelectorAll('article.referral button, article.referral summary')]
                .filter(b => b.offsetParent !== null && b.getBoundingClientRect().height < 44).map(b => b.textContent)""")
            self.assertEqual(small, [])
            for control in d.find_elements(By.CSS_SELECTOR, "main input:not([type=hidden])"):
                self.assertTrue(d.find_elements(By.CSS_SELECTOR, f"label[for='{control.get_attribute('id')}']"), control.get_attribute("name"))
            shot(d, "employer", 360)
            # One tap: hired.
            first = ours[0]
            cards[0].find_element(By.XPATH, ".//button[text()='Tuyển']").click()
            WebDriverWait(d, 30).until(lambda d: "answered=" in d.current_url, "the answer recorded")
            self.assertFalse(present_now(d, f"article.referral[id='{first}']"))
            self.assertIn("Đã tuyển", d.find_element(By.CSS_SELECTOR, f"ul.done li[id='{first}']").text)
            # A refusal: one tap opens the reasons, one more chooses.
            second = ours[1]
            card = d.find_element(By.CSS_SELECTOR, f"article.referral[id='{second}']")
            card.find_element(By.CSS_SELECTOR, "details.refuse summary").click()
            card.find_element(By.XPATH, ".//button[text()='Khoảng cách']").click()
            WebDriverWait(d, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"ul.done li[id='{second}']"), "the refusal recorded")
            self.assertIn("Không tuyển (Khoảng cách)", d.find_element(By.CSS_SELECTOR, f"ul.done li[id='{second}']").text)
            self.assertFalse(present_now(d, f"article.referral[id='{second}']"))
            shot(d, "employer-answered", 360)
        finally:
            d.quit()


if __name__ == "__main__":
    unittest.main(verbosity=2)
