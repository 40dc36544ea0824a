"""The limits every import is held to, checked before anything is written.

They are far above what the app itself produces (a DPIA with every answer at its longest and a
few dozen attachments stays well inside them), so a file refused by them was made by something
else: a broken tool, a hand edit, or someone testing our parser.
"""

from __future__ import annotations

from dpia_desk.services.assessments import MAX_COMMENT_LENGTH, MAX_EVIDENCE_BYTES
from dpia_desk.services.signoff import MAX_STATEMENT_LENGTH

#: The largest file read at all; a bigger one is refused from its size, before it is opened.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Arrays and objects nested deeper than this are refused (a depth bomb far deeper than this
#: stops Python's recursive parser at its recursion limit first).
MAX_NESTING_DEPTH = 64

#: One attachment: the same limit as attaching a file in the app.
MAX_ATTACHMENT_BYTES = MAX_EVIDENCE_BYTES
#: Base64 text of the largest attachment (4 characters per 3 bytes, padded).
MAX_ATTACHMENT_BASE64 = 4 * ((MAX_ATTACHMENT_BYTES + 2) // 3)

# Text lengths, in characters: the store's column sizes and the services' own limits.
NAME = 200
TITLE = 300
PERSON = 200
FILENAME = 255
MEDIA_TYPE = 127
QUESTION_ID = 100
SECTION_ID = 100
FORM_ID = 100
FORM_VERSION = 50
FINDING_REF = 200
WEBSITE = 2048
COMMENT = MAX_COMMENT_LENGTH
STATEMENT = MAX_STATEMENT_LENGTH
RISK_TEXT = 20_000
LIST_ITEM = 2_000
LONG_TEXT = 100_000
ANSWER_TEXT = 100_000
AUDIT_WORD = 50
APP_VERSION = 50

#: Numbers in answers (people concerned, amounts): far beyond any real answer, and small enough
#: to convert to a float without overflow.
MAX_ANSWER_NUMBER = 10**15

# How many of each record one assessment may carry.
MAX_ANSWERS = 10_000
MAX_ANSWER_LIST_ITEMS = 1_000
MAX_EVIDENCE = 1_000
MAX_SECTION_REVIEWS = 5_000
MAX_RISKS = 1_000
MAX_ACTIONS = 5_000
MAX_SIGN_OFFS = 1_000
MAX_LIST_ITEMS = 200
MAX_VENDOR_ENTRIES = 1_000
MAX_AUDIT_EVENTS = 200_000
