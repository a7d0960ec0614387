"""Tests of the ffmpeg that --video needs: Playwright's own, or Debian's linked in its place."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from harness import browser
from harness.browser import VideoUnavailable, ensure_video_encoder, playwright_ffmpeg, video_encoder_missing

FAKE_FFMPEG = """\
#!/bin/sh
echo " V....D libvpx-vp9           libvpx VP9 (codec vp9)"
"""


@pytest.fixture
def where_playwright_looks(tmp_path: Path) -> Path:
    """Return where Playwright would look for its ffmpeg, in a registry with none yet."""
    return tmp_path / "ms-playwright" / "ffmpeg-1013" / "ffmpeg-linux"


def fake_ffmpeg(folder: Path, script: str = FAKE_FFMPEG) -> Path:
    """Write an executable that answers -encoders as an ffmpeg would, and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "ffmpeg"
    path.write_text(script)
    path.chmod(0o755)
    return path


def test_playwright_names_its_ffmpeg_in_its_browsers_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))

    found = playwright_ffmpeg()

    assert found is not None
    assert found.parent.parent == tmp_path
    assert found.parent.name.startswith("ffmpeg-")
    assert found.name == browser.FFMPEG_EXECUTABLES[sys.platform]
    assert video_encoder_missing()


def test_a_system_ffmpeg_is_linked_where_playwright_looks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where_playwright_looks: Path
):
    system = fake_ffmpeg(tmp_path / "bin")
    monkeypatch.setattr(browser.shutil, "which", lambda name: str(system) if name == "ffmpeg" else None)

    message = ensure_video_encoder(lambda: where_playwright_looks)

    assert where_playwright_looks.resolve() == system.resolve()
    assert str(system) in message
    assert not video_encoder_missing(lambda: where_playwright_looks)
    # Once linked, it is found as Playwright's own.
    assert ensure_video_encoder(lambda: where_playwright_looks) == f"Video: {system.resolve()}"


def test_a_link_to_a_removed_ffmpeg_is_replaced(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where_playwright_looks: Path
):
    where_playwright_looks.parent.mkdir(parents=True)
    where_playwright_looks.symlink_to(tmp_path / "gone" / "ffmpeg")
    system = fake_ffmpeg(tmp_path / "bin")
    monkeypatch.setattr(browser.shutil, "which", lambda name: str(system) if name == "ffmpeg" else None)

    ensure_video_encoder(lambda: where_playwright_looks)

    assert where_playwright_looks.resolve() == system.resolve()


def test_as_root_debians_ffmpeg_is_installed_first(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where_playwright_looks: Path
):
    system = tmp_path / "bin" / "ffmpeg"
    commands: list[list[str]] = []

    def fake_run(command: Sequence[str], env: Mapping[str, str]) -> int:
        commands.append(list(command))
        fake_ffmpeg(system.parent)
        return 0

    monkeypatch.setattr(browser, "_run_command", fake_run)
    monkeypatch.setattr(browser, "_is_root", lambda: True)
    monkeypatch.setattr(browser.shutil, "which", lambda name: {
        "apt-get": "/usr/bin/apt-get", "ffmpeg": str(system) if system.exists() else None}[name])

    ensure_video_encoder(lambda: where_playwright_looks)

    assert commands == [
        ["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "ffmpeg"],
    ]
    assert where_playwright_looks.resolve() == system.resolve()


def test_without_ffmpeg_or_root_it_says_how_to_get_one(
    monkeypatch: pytest.MonkeyPatch, where_playwright_looks: Path
):
    monkeypatch.setattr(browser, "_is_root", lambda: False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)

    with pytest.raises(VideoUnavailable) as raised:
        ensure_video_encoder(lambda: where_playwright_looks)

    assert "sudo apt-get install ffmpeg" in str(raised.value)
    assert "python -m playwright install ffmpeg" in str(raised.value)
    assert not where_playwright_looks.exists()


def test_an_ffmpeg_without_vp9_is_not_linked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, where_playwright_looks: Path
):
    system = fake_ffmpeg(tmp_path / "bin", "#!/bin/sh\necho ' V..... libx264 H.264'\n")
    monkeypatch.setattr(browser.shutil, "which", lambda name: str(system) if name == "ffmpeg" else None)

    with pytest.raises(VideoUnavailable, match="libvpx-vp9"):
        ensure_video_encoder(lambda: where_playwright_looks)

    assert not where_playwright_looks.is_symlink()
