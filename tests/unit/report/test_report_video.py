"""Tests of --video in a run: recorded with the ffmpeg the harness provides, kept as evidence."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from report_sessions import InnerRun
from test_report_browser import CHROMIUM, PAGE_FEATURE, PAGE_STEPS, write_page_session

from harness.browser import VideoUnavailable, ensure_video_encoder

pytest_plugins = ["pytester"]


def video_stream(path: Path) -> dict[str, str]:
    """Return the codec and the number of frames ffprobe reads in a video's first stream."""
    answer = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
         "-show_entries", "stream=codec_name,nb_read_frames", "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    )
    return json.loads(answer.stdout)["streams"][0]


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM}")
def test_videos_are_recorded_into_each_scenarios_evidence_folder(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    try:
        # What ./conformance run --video does first: Debian's ffmpeg, where Playwright looks for its own.
        ensure_video_encoder()
    except VideoUnavailable as error:
        pytest.skip(str(error))
    write_page_session(pytester)

    run = run_inner("--video", "on", "--junitxml=out/junit.xml")

    # One passes and one fails on its title, not on the recording.
    run.result.assert_outcomes(passed=1, failed=1)
    videos = sorted((run.reports_dir / "scenarios").glob("*/video.webm"))
    assert len(videos) == 2
    assert not list((pytester.path / "test-results").rglob("*.webm"))
    html = run.html
    properties = [prop.get("value") for prop in ET.parse(pytester.path / "out/junit.xml").iter("property")
                  if prop.get("name") == "playwright_video"]
    for video in videos:
        assert f'href="scenarios/{video.parent.name}/video.webm"' in html
        assert f"out/reports/scenarios/{video.parent.name}/video.webm" in properties
        if shutil.which("ffprobe"):
            stream = video_stream(video)
            assert stream["codec_name"] == "vp9"
            assert int(stream["nb_read_frames"]) > 0


def test_videos_without_an_ffmpeg_are_refused_before_any_test(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
):
    # A Playwright browsers folder without ffmpeg: Playwright itself would fail every test.
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "no-browsers"))
    pytester.makefile(".feature", accueil=PAGE_FEATURE)
    pytester.makepyfile(test_accueil=PAGE_STEPS)

    run = run_inner("--video", "retain-on-failure")

    assert run.result.ret == pytest.ExitCode.USAGE_ERROR
    run.result.stderr.fnmatch_lines(["*Playwright has no ffmpeg to record videos with.*"])
    assert "python -m playwright install ffmpeg" in run.result.stderr.str()
    assert not run.reports_dir.exists()
