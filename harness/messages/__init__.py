"""Where the harness reads the texts and e-mails a portal sent: test support, catchers, IMAP, SMS sandboxes.

Every source answers `messages(to)` with `harness.targets.Message` objects, newest first, and
`check()` with one line proving that its server answers.
"""

from harness.messages.base import MessageSource, MessageSourceError, find_code, wait_for_messages
from harness.messages.catchers import MailDevSource, MailpitSource
from harness.messages.imap import ImapSource
from harness.messages.recipients import same_recipient
from harness.messages.sms_sandbox import SmsSandboxSource
from harness.messages.test_support import TestSupportSource

__all__ = [
    "ImapSource",
    "MailDevSource",
    "MailpitSource",
    "MessageSource",
    "MessageSourceError",
    "SmsSandboxSource",
    "TestSupportSource",
    "find_code",
    "same_recipient",
    "wait_for_messages",
]
