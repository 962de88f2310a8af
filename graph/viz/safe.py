"""Put untrusted data and trusted code into an HTML page without letting either break out.

>>> script_json({"name": "</script><b>"})
'{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from typing import Any

__all__ = ["script_json", "inline_code", "csp_hash"]

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def script_json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element, safe for any string content.

    Every non-ASCII character is written as ``\\uXXXX`` (so U+2028/2029, bidi controls and
    lone surrogates are inert), and ``<``, ``>``, ``&`` too, so no ``</script>`` or
    ``<!--`` can appear. NaN and infinities are refused.

    Args:
        data: JSON-serialisable data.

    Returns:
        The JSON text.

    Raises:
        ValueError: ``data`` holds NaN or an infinity.

    >>> script_json(["\\u2028"])
    '["\\\\u2028"]'
    """
    text = json.dumps(data, ensure_ascii=True, allow_nan=False, sort_keys=False)
    return re.sub(r"[<>&]", lambda m: _JSON_ESCAPES[m.group()], text)


def inline_code(code: str, tag: str) -> str:
    """Trusted code (a bundled JS or CSS file) made safe to sit inside ``<tag>...</tag>``.

    A closing ``</tag`` or an HTML comment opener inside the code would end or confuse the
    element; they are broken up (``<\\/script``) in a way JS and CSS strings tolerate.

    Args:
        code: the file's text.
        tag: ``script`` or ``style``.

    Returns:
        The code, unchanged unless it held such a sequence.

    >>> inline_code('s = "</script>"', "script")
    's = "<\\\\/script>"'
    """
    code = re.sub(rf"</(?={tag})", r"<\\/", code, flags=re.IGNORECASE)
    return code.replace("<!--", "<\\!--")


def csp_hash(code: str) -> str:
    """The Content-Security-Policy source allowing an inline element with exactly ``code``.

    Args:
        code: the text between the opening and the closing tag.

    Returns:
        ``'sha256-...'`` with the quotes.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
