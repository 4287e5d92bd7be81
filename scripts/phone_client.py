"""A phone, with the standard library only: join from the QR link, read the poll, answer it.

Run by scripts/smoke-bundle with the SYSTEM python in isolated mode (`python3 -I`), so it
proves the bundle serves phones without any of this project's Python environment.
Usage: python3 -I phone_client.py JOIN_URL   (prints the server's answer; exit 0 when taken)
"""

import http.cookiejar
import json
import sys
import urllib.parse
import urllib.request


def main(join_url: str) -> int:
    cookies = http.cookiejar.CookieJar()
    phone = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with phone.open(join_url, timeout=10) as page:  # 303 to / with the device cookie
        assert page.status == 200, page.status
    origin = "{0.scheme}://{0.netloc}".format(urllib.parse.urlsplit(join_url))
    with phone.open(f"{origin}/api/state", timeout=10) as response:
        state = json.load(response)["state"]
    poll = state["poll"]
    answer = poll["options"][0]["id"]
    body = json.dumps({"poll": poll["id"], "answer": answer}).encode()
    request = urllib.request.Request(f"{origin}/api/answer", data=body, method="POST", headers={
        "Content-Type": "application/json", "Origin": origin})
    with phone.open(request, timeout=10) as response:
        taken = json.load(response)
    print(json.dumps(taken))
    return 0 if taken.get("ok") and taken.get("answer") == answer else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
