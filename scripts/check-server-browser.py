#!/usr/bin/env python3
"""End to end in a real browser: `wfm serve` on loopback, driven by Chromium through Selenium.

Uploads the demo center from the page, runs a plan, sees the roster, moves a break with the
keyboard, drags the volume slider and sees the service level change, decides requests and
approves one, then publishes. Exits 1 on any failure; exits 77 (skipped) when Chromium,
chromedriver or Selenium is missing, unless CI is set, where a missing browser is a failure.

Usage: scripts/check-server-browser.py WFM_BINARY [--screenshot PNG]
"""
import os
import subprocess
import sys
import tempfile
import time

DEMO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Inputs", "demo")


def missing(what):
    print(f"check-server-browser: {what} is missing", file=sys.stderr)
    sys.exit(1 if os.environ.get("CI") else 77)


def start_server(binary, data):
    process = subprocess.Popen([binary, "serve", "--data", data, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "open http" not in line:
        process.kill()
        raise SystemExit(f"check-server-browser: the server did not start: {line}{process.stderr.read()}")
    return process, line.split("open ")[1].split(" ")[0]


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.webdriver.chrome.service import Service
        from selenium.common.exceptions import StaleElementReferenceException
    except ImportError:
        missing("selenium (pip install selenium)")
    browser = next((p for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] if os.path.exists(p)), None)
    driver_path = next((p for p in ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"] if os.path.exists(p)), None)
    if not browser:
        missing("chromium (apt-get install chromium)")
    if not driver_path:
        missing("chromedriver (apt-get install chromium-driver)")

    data = tempfile.mkdtemp(prefix="wfm-serve-e2e-")
    server, address = start_server(binary, data)
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    # The page redraws its tables after each answer: an element found just before a redraw is
    # stale, and the wait looks again.
    wait = WebDriverWait(driver, 240, ignored_exceptions=[StaleElementReferenceException])

    def click(selector):
        """Clicks the element `selector` finds, finding it again if a redraw replaced it."""
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, selector).click() is None)

    step = "opening the page"
    try:
        driver.get(address)
        wait.until(lambda d: "Upload a center" in d.find_element(By.ID, "status").text)

        step = "uploading the demo center"
        files = [os.path.abspath(os.path.join(DEMO, name)) for name in ["center.yaml", "agents.csv", "history.csv"]]
        driver.find_element(By.ID, "upload-files").send_keys("\n".join(files))
        driver.find_element(By.ID, "upload-button").click()
        wait.until(lambda d: "Uploaded Demo Contact Center" in d.find_element(By.ID, "status").text)

        step = "running a plan"
        time_limit = driver.find_element(By.ID, "plan-time")
        time_limit.clear()
        time_limit.send_keys("30")
        driver.find_element(By.ID, "plan-run").click()
        # "Plan #N succeeded: …" is the page's last word once the plan's roster is shown (the
        # progress line before it reads "Plan #N: succeeded").
        wait.until(lambda d: "succeeded: " in d.find_element(By.ID, "status").text
                   or d.find_element(By.ID, "problem").get_attribute("hidden") is None)
        problem = driver.find_element(By.ID, "problem")
        assert problem.get_attribute("hidden") is not None, f"the plan failed: {problem.text}"
        log = driver.find_element(By.ID, "plan-log").text
        assert "3/4 schedule" in log and "succeeded" in log, f"the progress events are missing: {log}"

        step = "seeing the roster"
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#timeline .shift")) > 10)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#day-figures tbody tr")) >= 3)

        step = "moving a break with the keyboard"
        first_break = driver.find_element(By.CSS_SELECTOR, "#timeline .break")
        label = first_break.get_attribute("aria-label")
        first_break.send_keys(Keys.ARROW_RIGHT)
        wait.until(lambda d: "break moved +15 min" in d.find_element(By.ID, "status").text)
        moved = driver.switch_to.active_element
        assert moved.get_attribute("aria-label") != label, f"the break did not move: {label}"

        step = "dragging the volume slider"
        queue = "billing"
        wait.until(lambda d: d.find_element(By.ID, f"whatif-sl-{queue}").text not in ("", "–"))
        before = driver.find_element(By.ID, f"whatif-sl-{queue}").text
        slider = driver.find_element(By.ID, "whatif-volume")
        webdriver.ActionChains(driver).click_and_hold(slider).move_by_offset(80, 0).release().perform()
        wait.until(lambda d: d.find_element(By.ID, "whatif-volume-value").text != "100%")
        wait.until(lambda d: d.find_element(By.ID, f"whatif-sl-{queue}").text != before)
        after = driver.find_element(By.ID, f"whatif-sl-{queue}").text
        assert float(after.rstrip("%")) < float(before.rstrip("%")), f"more volume should lower the service level: {before} -> {after}"

        step = "deciding requests and approving one"
        roster = driver.execute_script("return state.shifts.slice(0, 40).map(s => [s.agent_id, s.date]);")
        seen, rows = set(), ["id,agent_id,type,date,start,end,with_agent,priority,submitted_at,note"]
        for agent, date in roster:
            if agent in seen or len(rows) > 3:
                continue
            seen.add(agent)
            rows.append(f"R{len(rows)},{agent},time_off,{date},,,,1,,")
        driver.find_element(By.ID, "requests-text").send_keys("\n".join(rows) + "\n")
        driver.find_element(By.ID, "requests-decide").click()
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#requests-table tbody tr")) == len(rows) - 1)
        click("#requests-table tbody tr button[data-decision='approved']")
        wait.until(lambda d: "approved" in d.find_element(By.CSS_SELECTOR, "#requests-table tbody tr td:last-child span").text)

        step = "publishing"
        driver.find_element(By.ID, "publish-button").click()
        wait.until(lambda d: "Published v1" in d.find_element(By.ID, "publish-result").text)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#versions-table tbody tr")) == 1)
        if screenshot:
            # The roster, the day's figures, the coverage curve and the what-if at 1280 px.
            driver.set_window_size(1280, 2300)
            driver.execute_script("document.getElementById('roster').scrollIntoView()")
            time.sleep(0.5)
            driver.save_screenshot(screenshot)
        print("check-server-browser: upload, plan, roster, break moved, volume slider, request approved, published: all passed")
    except Exception as error:  # noqa: BLE001 - report the step and fail
        print(f"check-server-browser: failed while {step}: {error!r}", file=sys.stderr)
        try:
            print("status: " + driver.find_element(By.ID, "status").text, file=sys.stderr)
            print("problem: " + driver.find_element(By.ID, "problem").text, file=sys.stderr)
        except Exception:  # noqa: BLE001
            pass
        sys.exit(1)
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
