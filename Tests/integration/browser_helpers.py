"""Headless Chromium for the help center's browser tests, driven by Selenium through nginx over TLS.

- The browser and its driver are the Debian packages `chromium` and `chromium-driver`; Selenium is
  `python3-selenium`. The driver is always /usr/bin/chromedriver, passed explicitly: Selenium Manager
  (which downloads drivers) is never used. A missing package fails the test, naming the package.
- The test stack's self-signed certificate (scripts/cert.sh, CA:TRUE) is TRUSTED, not ignored: each
  browser gets a private HOME whose NSS database (~/.pki/nssdb, where Chromium on Linux reads user trust
  anchors) holds that certificate as a trusted CA, added with `certutil` (libnss3-tools). A certificate
  problem therefore fails the tests like it would for a person.
- The region host names (us.desk.localhost, eu.desk.localhost) resolve to 127.0.0.1 through
  --host-resolver-rules, so the browser sends the real Host and SNI that nginx and deskd route on.
- Downloads (attachments, "download my data") land in a per-browser folder; `wait_for_download` waits
  for a finished file.
- `screenshot(name)` saves `$DESKD_TEST_RUN/screenshots/<test>/<NN-name>.png` (numbered in order);
  `phone_screenshot(name)` takes one at a phone's width and goes back to the desktop size.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from deskd_stack import DeskdStack, require_env

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")
CERTUTIL = Path("/usr/bin/certutil")
DESKTOP_SIZE = (1280, 900)
PHONE_SIZE = (390, 844)
WAIT_SECONDS = 20

try:
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - reported by the fixture, never a silent skip
    webdriver = None


def _require_tools() -> None:
    if webdriver is None:
        pytest.fail("selenium is not importable: install the Debian package python3-selenium "
                    "(scripts/deps.sh) and use a venv made with --system-site-packages", pytrace=False)
    for path, package in ((CHROMEDRIVER, "chromium-driver"), (CHROMIUM, "chromium"),
                          (CERTUTIL, "libnss3-tools")):
        if not os.access(path, os.X_OK):
            pytest.fail(f"{path} is missing: install the Debian package {package} (scripts/deps.sh)",
                        pytrace=False)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_")[:120] or "page"


def make_trusting_home(home: Path, cert: Path) -> Path:
    """A HOME whose NSS database trusts `cert` as a CA (how Chromium on Linux learns local anchors)."""
    nssdb = home / ".pki" / "nssdb"
    shutil.rmtree(nssdb, ignore_errors=True)
    nssdb.mkdir(parents=True)
    for args in (["-N", "--empty-password"],
                 ["-A", "-n", "deskd-test-stack", "-t", "C,,", "-i", str(cert)]):
        result = subprocess.run([str(CERTUTIL), "-d", f"sql:{nssdb}", *args],
                                capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, f"certutil {args[0]} failed: {result.stdout}{result.stderr}"
    return home


@dataclass
class Browser:
    """One headless Chromium window bound to the test stack and to one test's screenshot folder."""

    driver: "webdriver.Chrome"
    stack: DeskdStack
    host: str
    download_dir: Path
    screenshot_dir: Path
    shots: list[Path] = field(default_factory=list)

    # -- navigation ------------------------------------------------------------------------------

    def url(self, path: str, host: str | None = None) -> str:
        return f"https://{host or self.host}:{self.stack.https_port}{path}"

    def get(self, path: str, host: str | None = None) -> None:
        self.driver.get(self.url(path, host))

    @property
    def path(self) -> str:
        """The current URL's path and query (the part after the port)."""
        current = self.driver.current_url
        return re.sub(r"^https://[^/]+", "", current)

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str) -> list:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait_for(self, css: str, timeout: float = WAIT_SECONDS):
        """Waits until an element matching css is present; fails with the page's text otherwise."""
        try:
            return WebDriverWait(self.driver, timeout).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, css)))
        except TimeoutException:
            pytest.fail(f"no {css!r} on {self.driver.current_url} within {timeout}s; page:\n{self.text()[:2000]}",
                        pytrace=False)

    def wait_until(self, predicate, message: str, timeout: float = WAIT_SECONDS):
        try:
            return WebDriverWait(self.driver, timeout).until(lambda _driver: predicate())
        except TimeoutException:
            pytest.fail(f"{message} (url {self.driver.current_url}); page:\n{self.text()[:2000]}",
                        pytrace=False)

    def text(self) -> str:
        try:
            return self.driver.find_element(By.TAG_NAME, "body").text
        except Exception:  # noqa: BLE001 - only for failure messages
            return self.driver.page_source

    def fill(self, form_css: str, values: dict[str, str]) -> None:
        """Types values into the named fields of a form (clears them first)."""
        form = self.find(form_css)
        for name, value in values.items():
            element = form.find_element(By.NAME, name)
            if element.tag_name == "select":
                Select(element).select_by_value(value)
            else:
                element.clear()
                element.send_keys(value)

    def submit(self, form_css: str) -> None:
        """Submits a form with its own submit button (as a person would) and waits for the next page."""
        form = self.find(form_css)
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
        assert buttons, f"form {form_css} has no submit button"
        buttons[0].click()
        self.wait_until(lambda: _is_stale(old_html), f"submitting {form_css} did not load a new page")
        self.wait_until(lambda: self.driver.execute_script("return document.readyState") == "complete",
                        "the page after the submit did not finish loading")

    def alert_present(self) -> bool:
        try:
            self.driver.switch_to.alert
            return True
        except NoAlertPresentException:
            return False

    def html_lang(self) -> str:
        return self.find("html").get_attribute("lang") or ""

    # -- screenshots -----------------------------------------------------------------------------

    def screenshot(self, name: str) -> Path:
        """Saves the viewport as screenshots/<test>/<NN-name>.png and returns the path."""
        self.screenshot_dir.mkdir(parents=True, exist_ok=True)
        path = self.screenshot_dir / f"{len(self.shots) + 1:02d}-{_safe(name)}.png"
        assert self.driver.save_screenshot(str(path)), f"could not save {path}"
        assert path.stat().st_size > 0, f"empty screenshot {path}"
        self.shots.append(path)
        return path

    def phone_screenshot(self, name: str) -> Path:
        """One screenshot at a phone's width (390×844), then back to the desktop size."""
        self.driver.set_window_size(*PHONE_SIZE)
        try:
            path = self.screenshot(f"{name}-phone")
            width = self.driver.execute_script("return document.documentElement.scrollWidth")
            viewport = self.driver.execute_script("return window.innerWidth")
            assert width <= viewport + 1, (
                f"{self.driver.current_url} scrolls sideways at phone width: content {width}px, "
                f"viewport {viewport}px")
            return path
        finally:
            self.driver.set_window_size(*DESKTOP_SIZE)

    # -- downloads -------------------------------------------------------------------------------

    def clear_downloads(self) -> None:
        for entry in self.download_dir.iterdir():
            if entry.is_file():
                entry.unlink()

    def wait_for_download(self, before: set[str] | None = None, timeout: float = WAIT_SECONDS) -> Path:
        """Waits for one finished download not in `before` (names) and returns its path."""
        before = before or set()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [p for p in self.download_dir.iterdir()
                    if p.is_file() and p.name not in before
                    and not p.name.endswith((".crdownload", ".tmp")) and not p.name.startswith(".")]
            partial = [p for p in self.download_dir.iterdir() if p.name.endswith(".crdownload")]
            if done and not partial:
                return max(done, key=lambda p: p.stat().st_mtime)
            time.sleep(0.1)
        pytest.fail(f"no download finished in {self.download_dir} within {timeout}s "
                    f"(present: {sorted(p.name for p in self.download_dir.iterdir())})", pytrace=False)

    def downloaded_names(self) -> set[str]:
        return {p.name for p in self.download_dir.iterdir()}

    # -- console ---------------------------------------------------------------------------------

    def console(self) -> list[dict]:
        """The browser console's entries since the last call (CSP violations show up here)."""
        return self.driver.get_log("browser")

    # -- cookies ---------------------------------------------------------------------------------

    def cookies(self) -> list[dict]:
        return self.driver.get_cookies()


def _is_stale(element) -> bool:
    try:
        element.tag_name  # noqa: B018 - touching the element raises when the page was replaced
        return False
    except Exception:  # noqa: BLE001 - StaleElementReferenceException and friends
        return True


def start_browser(stack: DeskdStack, test_name: str, *, host: str = "us.desk.localhost",
                  language: str = "en-US,en", index: int = 0) -> Browser:
    """Starts one headless Chromium for `test_name`, trusting the stack's certificate."""
    _require_tools()
    run = Path(require_env("DESKD_TEST_RUN"))
    base = run / "browser" / _safe(test_name) / str(index)
    shutil.rmtree(base, ignore_errors=True)
    home = make_trusting_home(base / "home", stack.cert)
    downloads = base / "downloads"
    downloads.mkdir(parents=True)
    screenshot_dir = run / "screenshots" / _safe(test_name)
    if index == 0:
        shutil.rmtree(screenshot_dir, ignore_errors=True)
    else:
        screenshot_dir = screenshot_dir / f"browser-{index}"

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",  # the tests run as root in a container; Chromium's sandbox needs user namespaces
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-sync",
        "--no-proxy-server",
        "--host-resolver-rules=MAP *.desk.localhost 127.0.0.1",
        f"--user-data-dir={base / 'profile'}",
        f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}",
        f"--lang={language.split(',')[0]}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
        "safebrowsing.enabled": False,
        "intl.accept_languages": language,
    })
    env = {key: value for key, value in os.environ.items()
           if key not in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")}
    env["HOME"] = str(home)
    # The driver path is explicit, so Selenium never looks for (or downloads) a driver itself.
    service = Service(executable_path=str(CHROMEDRIVER), log_path=str(base / "chromedriver.log"), env=env)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return Browser(driver=driver, stack=stack, host=host, download_dir=downloads, screenshot_dir=screenshot_dir)


@pytest.fixture
def browser_factory(stack, request):
    """Makes browsers for the current test (`factory(language="ja,en;q=0.5")`); quits them afterwards."""
    browsers: list[Browser] = []

    def factory(*, host: str = "us.desk.localhost", language: str = "en-US,en") -> Browser:
        browser = start_browser(stack, request.node.name, host=host, language=language, index=len(browsers))
        browsers.append(browser)
        return browser

    yield factory
    for browser in browsers:
        try:
            browser.driver.quit()
        except Exception:  # noqa: BLE001 - a crashed browser must not hide the test's own failure
            pass


@pytest.fixture
def browser(browser_factory) -> Browser:
    """One English desktop-sized headless Chromium for the current test."""
    return browser_factory()
