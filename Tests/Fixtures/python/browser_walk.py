"""Walks ergraph's pages in a real browser (Debian's headless Chromium through selenium) as a
reader would, and prints what it saw as JSON for the Swift test to check.

    browser_walk.py --url http://127.0.0.1:PORT   the live server: search, entity page, diagram
                                                   click, the path finder's form
    browser_walk.py --site DIR                     the static site opened from disk: the same,
                                                   the story page instead of the form
    --screenshots DIR                              save a PNG of each page there
    --pages FILE...                                only open these pages (a hostile dataset's) and
                                                   report their headings, scripts and any alert

Selenium's own driver manager downloads browsers, which cannot work offline: the browser and the
driver are Debian's, named here, and SE_OFFLINE keeps selenium from trying.
"""
import argparse
import json
import os
import pathlib
import sys
import time

os.environ["SE_OFFLINE"] = "true"
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ready  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--allow-file-access-from-files", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url")
    parser.add_argument("--site")
    parser.add_argument("--screenshots")
    parser.add_argument("--pages", nargs="*")
    arguments = parser.parse_args()
    if arguments.pages:
        return open_pages(arguments.pages)
    home = arguments.url.rstrip("/") + "/" if arguments.url else pathlib.Path(arguments.site).resolve().joinpath("index.html").as_uri()
    shots = pathlib.Path(arguments.screenshots) if arguments.screenshots else None
    prefix = "serve" if arguments.url else "site"
    seen = {"console": []}
    driver = browser()
    wait = WebDriverWait(driver, 20)

    def shot(name):
        if shots:
            shots.mkdir(parents=True, exist_ok=True)
            # The whole page, not only the window: as tall as its content.
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(1280, min(max(height, 800), 6000))
            driver.save_screenshot(str(shots / f"{prefix}-{name}.png"))
            driver.set_window_size(1280, 1000)

    def collect_console():
        for entry in driver.get_log("browser"):
            if entry.get("level") in ("SEVERE", "WARNING"):
                seen["console"].append(entry.get("message", ""))

    try:
        driver.get(home)
        seen["home_title"] = driver.title
        shot("home")
        search = wait.until(ready.presence_of_element_located((By.ID, "search")))
        search.send_keys("Parag")
        wait.until(ready.visibility_of_element_located((By.CSS_SELECTOR, "#suggestions a")))
        suggestions = driver.find_elements(By.CSS_SELECTOR, "#suggestions a")
        seen["suggestions"] = [s.text.split("\n")[0] for s in suggestions]
        shot("search")
        chosen = next(s for s in suggestions if s.text.startswith("Paragon Solutions"))
        chosen.click()
        wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Paragon Solutions"))
        seen["entity_heading"] = driver.find_element(By.TAG_NAME, "h1").text
        seen["entity_links"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "ul.links .statement")]
        seen["entity_nodes"] = len(driver.find_elements(By.CSS_SELECTOR, "figure.diagram svg g.node"))
        shot("entity")
        collect_console()

        node = driver.find_element(By.CSS_SELECTOR, "figure.diagram svg g#a_entity-ae-industrial text")
        node.click()
        wait.until(ready.text_to_be_present_in_element((By.TAG_NAME, "h1"), "AE Industrial"))
        seen["after_diagram_click"] = driver.find_element(By.TAG_NAME, "h1").text
        seen["after_diagram_click_url"] = driver.current_url.rsplit("/", 1)[-1]
        collect_console()

        if arguments.url:
            driver.get(arguments.url.rstrip("/") + "/path")
            driver.find_element(By.NAME, "from").send_keys("ICE")
            driver.find_element(By.NAME, "to").send_keys("AE Industrial")
            driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]").click()
        else:
            driver.get(home)
            driver.find_element(By.LINK_TEXT, "How ICE is connected to AE Industrial").click()
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "ol.hops")))
        seen["path_heading"] = driver.find_element(By.TAG_NAME, "h1").text
        seen["hops"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "ol.hops > li .statement")]
        seen["hop_quotes"] = len(driver.find_elements(By.CSS_SELECTOR, "ol.hops > li blockquote"))
        seen["path_highlighted_nodes"] = len(driver.find_elements(By.CSS_SELECTOR, "figure.diagram svg g.node"))
        seen["sources"] = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "ol.sources li")]
        shot("path")
        collect_console()
    finally:
        driver.quit()
    json.dump(seen, sys.stdout, indent=2, sort_keys=True)
    print()


def open_pages(pages):
    """Opens each page and reports what a reader sees: the heading's text, the scripts the page
    runs (only ergraph's own may appear), whether anything raised an alert, the console."""
    from selenium.common.exceptions import NoAlertPresentException
    driver = browser()
    seen = []
    try:
        for page in pages:
            url = page if "://" in page else pathlib.Path(page).resolve().as_uri()
            driver.get(url)
            time.sleep(0.2)
            try:
                alert = driver.switch_to.alert.text
            except NoAlertPresentException:
                alert = None
            scripts = [pathlib.PurePosixPath(s.get_attribute("src") or "(inline)").name
                       for s in driver.find_elements(By.TAG_NAME, "script")]
            console = [e.get("message", "") for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "WARNING")]
            seen.append({"page": pathlib.PurePosixPath(url).name, "heading": driver.find_element(By.TAG_NAME, "h1").text,
                         "title": driver.title, "scripts": scripts, "alert": alert, "console": console,
                         "svg_scripts": len(driver.find_elements(By.CSS_SELECTOR, "svg script"))})
    finally:
        driver.quit()
    json.dump(seen, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
