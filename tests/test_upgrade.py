"""An existing site keeps working: a database made by main at b4409e7 (before the bottom layer
and the visibility rule), with the demo loaded in three languages, migrates and serves visitors
and the API exactly what it served then.

tests/data/ holds that database (gzipped) and what its pages and API answered, read by the code
of b4409e7: the text of each page's <main> and each API answer's JSON. When a change of what
the pages say is meant, check the new answers and record them:
``UPDATE_UPGRADE_EXPECTATIONS=1 .venv/bin/pytest tests/test_upgrade.py``.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Run in a process of its own, on the migrated database: what visitors read at each address.
READ_PAGES = """
import json, sys
import django
django.setup()
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
settings.ALLOWED_HOSTS = ["*"]
client = Client()
answers = {}
for address in json.load(sys.stdin):
    response = client.get(address, HTTP_HOST="127.0.0.1:8766")  # the demo site's address
    assert response.status_code == 200, (address, response.status_code)
    if address.startswith("/api/"):
        answers[address] = response.json()
    else:
        main = BeautifulSoup(response.content, "html.parser").main
        answers[address] = " ".join(main.get_text(" ").split())
print(json.dumps(answers))
"""


def test_a_database_made_by_an_earlier_main_migrates_and_serves_the_same(tmp_path):
    database = tmp_path / "site.sqlite3"
    with gzip.open(DATA / "main-b4409e7-demo.sqlite3.gz") as packed, database.open("wb") as out:
        shutil.copyfileobj(packed, out)
    expected = json.loads((DATA / "main-b4409e7-demo-pages.json").read_text())
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "conference_site.settings.test",
    }

    migrated = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    read = subprocess.run(
        [sys.executable, "-c", READ_PAGES],
        cwd=ROOT,
        env=env,
        input=json.dumps(sorted(expected)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert read.returncode == 0, read.stderr[-3000:]
    answers = json.loads(read.stdout)
    if os.environ.get("UPDATE_UPGRADE_EXPECTATIONS"):
        text = json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True)
        (DATA / "main-b4409e7-demo-pages.json").write_text(text)

    assert answers == expected
