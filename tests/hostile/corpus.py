"""The hostile-input corpus of issue #11, kept as named constants so every test drives the same set."""

from __future__ import annotations

FORMULAS = {
    "equals": "=1+1",
    "plus": "+1+1",
    "minus": "-1+1",
    "at": "@SUM(A1)",
    "hyperlink": '=HYPERLINK("http://evil.example","click")',
    "dde": "=cmd|' /C calc'!A0",
    "tab-led": "\t=1+1",
    "space-led": "   =1+1",
    "cr-led": "\r=1+1",
    "nbsp-led": "\u00a0=1+1",
    "fullwidth-equals": "＝1+1",
    "fullwidth-plus": "＋1",
    "fullwidth-minus": "－1",
    "fullwidth-at": "＠SUM(A1)",
}
MARKUP = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "iframe": "<iframe src='http://evil.example'></iframe>",
    "js-link": "<a href='javascript:alert(1)'>x</a>",
    "style": "<style>body{display:none}</style>",
    "entity": "&lt;b&gt; &amp; &#x3C;",
    "md-image": "![x](http://evil.example/i.png)",
    "md-link": "[go](http://evil.example)",
    "md-autolink": "<http://evil.example>",
    "bare-url": "see http://evil.example/x now",
    "www": "www.evil.example",
    "email": "mail evil@evil.example",
    "md-ref-link": "[ref]: http://evil.example",
    "md-bold": "**bold** _em_",
    "md-heading": "# heading",
    "md-quote": "> quote",
    "md-table": "| a | b |",
    "md-code": "`code` ```fence```",
    "latex-inline": "$x^2$",
    "latex-block": "$$\\int_0^1 x$$",
    "latex-paren": "\\(x\\)",
    "st-colour": ":red[alert]",
    "st-icon": ":material/warning:",
    "emoji-code": ":smile:",
}
TEMPLATES = {
    "jinja": "{{7*7}}",
    "jinja-block": "{% for x in y %}",
    "dollar-brace": "${7*7}",
    "hash-brace": "#{7*7}",
    "erb": "<%= 7*7 %>",
    "format": "{0} {name}",
    "printf": "%s%s%n",
}
SCRIPTS = {
    "hebrew": "שלום עולם",
    "arabic": "مرحبا بالعالم",
    "rtl-override": "\u202eevil\u202c",
    "emoji": "🚀🔥 👩‍👩‍👧",
    "zalgo": "t̸̢e̵x̷t",
    "zero-width": "\u200bzero\u200dwidth",
}
CONTROL = {
    "nul": "a\x00b",
    "ansi": "\x1b[31mred\x1b[0m",
    "bell": "bell\x07",
    "del": "del\x7f",
    "c1-nel": "\x85next",
    "lone-surrogate": "\ud800x",
}
LONG = {"100k": "x" * 100_000}

# Text a form or a file may hold: stored and shown literally, or refused naming the field.
TEXTS = FORMULAS | MARKUP | TEMPLATES | SCRIPTS | CONTROL | LONG
NUMBERS = {
    "nan": float("nan"),
    "infinity": float("inf"),
    "minus-infinity": float("-inf"),
    "1e308": 1e308,
    "minus-1e13": -1e13,
    "huge-int": 10**400,
}
DATES = {"year-1": "0001-01-01", "year-9999": "9999-12-31", "1899": "1899-12-31", "2201": "2201-01-01"}
# Whole files: (name, bytes) — each refused with a message, nothing written.
JSON_NUMBERS = {"NaN": "NaN", "Infinity": "Infinity", "-Infinity": "-Infinity", "1e309": "1e309"}
