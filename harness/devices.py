"""The phone the @telephone scenarios run on: one of Playwright's device descriptors, checked."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

DEFAULT_PHONE = "iPhone 13"
# A descriptor also names the browser the device ships with. The harness drives Chromium
# whatever the phone, and a browser context takes no such option.
NOT_CONTEXT_OPTIONS = ("default_browser_type",)
EXAMPLES = ("iPhone 13", "iPhone SE", "Pixel 7", "Galaxy S9+")

Descriptors = Mapping[str, Mapping[str, Any]]


class UnknownPhoneDevice(ValueError):
    """The name given to --phone-device is not a phone Playwright can emulate."""


def is_phone(descriptor: Mapping[str, Any]) -> bool:
    """Tell whether a descriptor is a handheld device with a touch screen."""
    return bool(descriptor.get("is_mobile") and descriptor.get("has_touch"))


def phone_context_args(devices: Descriptors, name: str) -> dict[str, Any]:
    """Return the browser context options that emulate the named phone, or say what is wrong."""
    descriptor = devices.get(name)
    if descriptor is None:
        raise UnknownPhoneDevice(unknown_device_message(devices, name))
    if not is_phone(descriptor):
        raise UnknownPhoneDevice(
            f"--phone-device « {name} » is not a phone: Playwright's descriptor has no touch screen "
            f"or is not mobile. {known_phones_hint(devices)}"
        )
    return {key: value for key, value in descriptor.items() if key not in NOT_CONTEXT_OPTIONS}


def unknown_device_message(devices: Descriptors, name: str) -> str:
    """Explain that a name is not one of Playwright's descriptors, suggesting the nearest ones."""
    phones = [device for device, descriptor in devices.items() if is_phone(descriptor)]
    # People type "iphone 13" for "iPhone 13": compare the names case-folded.
    by_folded = {device.casefold(): device for device in phones}
    if name.casefold() in by_folded:
        nearest = [by_folded[name.casefold()]]
    else:
        nearest = [by_folded[match] for match in
                   difflib.get_close_matches(name.casefold(), list(by_folded), n=3, cutoff=0.6)]
    suggestion = f" Did you mean {', '.join(f'« {device} »' for device in nearest)}?" if nearest else ""
    return (
        f"--phone-device « {name} » is not one of Playwright's device descriptors "
        f"(names are case-sensitive).{suggestion} {known_phones_hint(devices)}"
    )


def known_phones_hint(devices: Descriptors) -> str:
    """Say how many phones Playwright knows, with a few of their names."""
    phones = [device for device, descriptor in devices.items() if is_phone(descriptor)]
    examples = [device for device in EXAMPLES if device in devices] or phones[:4]
    return (
        f"Playwright knows {len(phones)} phones, among them "
        f"{', '.join(f'« {device} »' for device in examples)}: `python -m harness.devices` lists them all."
    )


def has_touch(*layers: Mapping[str, Any]) -> bool:
    """Tell whether a context made from these option layers, later ones winning, has touch."""
    merged: dict[str, Any] = {}
    for layer in layers:
        merged.update(layer)
    return bool(merged.get("has_touch"))


def playwright_devices() -> dict[str, dict[str, Any]]:
    """Start Playwright just long enough to read its device descriptors."""
    # The sync API refuses to start inside a running asyncio loop, so ask from a fresh thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_ask_playwright).result()


def _ask_playwright() -> dict[str, dict[str, Any]]:
    """Read the descriptors of a freshly started Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return {name: dict(descriptor) for name, descriptor in playwright.devices.items()}


def main() -> int:
    """List the phones --phone-device accepts, with their screen sizes."""
    for name, descriptor in sorted(playwright_devices().items()):
        if is_phone(descriptor):
            viewport = descriptor.get("screen") or descriptor.get("viewport") or {}
            print(f"{name:<32} {viewport.get('width')}×{viewport.get('height')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
