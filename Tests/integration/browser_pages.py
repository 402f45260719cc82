"""Plain-HTTP helpers for the help-center security tests: a client that talks to `/portal/{portal}/` through
nginx over TLS like a browser without JavaScript (cookies, forms with their hidden `_csrf`), an HTML form
parser, a per-org row-count snapshot ("nothing was written"), and an adapter that sends from another
loopback address (for the per-address sign-in limit)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode

import requests
from requests.adapters import HTTPAdapter

from deskd_stack import DeskdStack
import portal_helpers


@dataclass
class Form:
    """One `<form>`: its attributes and the current values of its named controls."""

    attrs: dict[str, str]
    fields: dict[str, str] = field(default_factory=dict)
    controls: list[dict[str, str]] = field(default_factory=list)

    @property
    def action(self) -> str:
        return self.attrs.get("action", "")

    def control(self, name: str) -> dict[str, str]:
        for attrs in self.controls:
            if attrs.get("name") == name:
                return attrs
        raise AssertionError(f"no control named {name!r} in form {self.attrs}")


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = Form(attrs=a)
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        if tag in ("input", "textarea", "select", "button"):
            a = dict(a, tag=tag)
            self._form.controls.append(a)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("file", "submit", "button", "image", "reset"):
                self._form.fields[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self._form.fields[name] = ""
        elif tag == "select" and name:
            self._select = name
            self._form.fields.setdefault(name, "")
        elif tag == "option" and self._select:
            if "selected" in a or not self._form.fields.get(self._select):
                self._form.fields[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form.fields[self._textarea] += data


def parse_forms(html: str) -> dict[str, Form]:
    """The page's forms by id (forms without an id under "form-N")."""
    parser = _FormParser()
    parser.feed(html)
    return {form.attrs.get("id") or f"form-{i}": form for i, form in enumerate(parser.forms)}


class SourceAddressAdapter(HTTPAdapter):
    """Connects from a given local address (any 127.x.y.z works on Linux loopback), so nginx sees another
    client address."""

    def __init__(self, source: str, **kwargs):
        self.source = source
        super().__init__(**kwargs)

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        return super().init_poolmanager(*args, **kwargs)


class PortalClient:
    """A cookie-keeping client of one org's help center, like a browser with JavaScript off."""

    def __init__(self, stack: DeskdStack, portal: str, host: str = "us.desk.localhost",
                 session: requests.Session | None = None, source_address: str | None = None,
                 language: str = "en"):
        self.stack = stack
        self.portal = portal
        self.host = host
        self.session = session or requests.Session()
        self.session.trust_env = False
        self.session.verify = str(stack.cert)
        self.language = language
        if source_address:
            self.session.mount("https://", SourceAddressAdapter(source_address))

    def url(self, path: str) -> str:
        return self.stack.url(self.path(path))

    def path(self, path: str) -> str:
        return path if path.startswith("/") else f"/portal/{self.portal}/{path}"

    def get(self, path: str, **kwargs) -> requests.Response:
        headers = {"Host": self.host, "Accept-Language": self.language}
        headers.update(kwargs.pop("headers", {}) or {})
        kwargs.setdefault("allow_redirects", False)
        return self.session.get(self.url(path), headers=headers, timeout=30, **kwargs)

    def post(self, path: str, data=None, files=None, **kwargs) -> requests.Response:
        headers = {"Host": self.host, "Accept-Language": self.language}
        headers.update(kwargs.pop("headers", {}) or {})
        kwargs.setdefault("allow_redirects", False)
        return self.session.post(self.url(path), data=data, files=files, headers=headers, timeout=30, **kwargs)

    def page(self, path: str) -> tuple[requests.Response, dict[str, Form]]:
        response = self.get(path)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:500]}"
        return response, parse_forms(response.text)

    def form(self, path: str, form_id: str) -> Form:
        _, forms = self.page(path)
        assert form_id in forms, f"no #{form_id} on {path}: forms {sorted(forms)}"
        return forms[form_id]

    def csrf(self, path: str, form_id: str) -> str:
        token = self.form(path, form_id).fields.get("_csrf")
        assert token, f"#{form_id} on {path} has no hidden _csrf"
        return token

    def submit(self, path: str, form_id: str, values: dict[str, str], files=None,
               csrf: str | None = "form") -> requests.Response:
        """Posts the form found on `path` with `values` over its own fields. csrf: "form" keeps the
        form's token, None leaves `_csrf` out, any other string replaces it."""
        form = self.form(path, form_id)
        data = dict(form.fields)
        data.update(values)
        if csrf is None:
            data.pop("_csrf", None)
        elif csrf != "form":
            data["_csrf"] = csrf
        action = form.action or self.path(path)
        action = re.sub(r"^https?://[^/]+", "", action)
        if not action.startswith("/"):
            action = self.path(action)
        if not files and "multipart" in form.attrs.get("enctype", ""):
            # What a browser sends for an empty file input: a part with an empty file name.
            files = [("attachments", ("", b"", "application/octet-stream"))]
        if not files:
            # A browser sends a urlencoded body (and its Content-Type) even when the form has no fields left.
            return self.post(action, data=urlencode(data),
                             headers={"Content-Type": "application/x-www-form-urlencoded"})
        return self.post(action, data=data, files=files)


def org_row_counts(server, database: str, org_id: str) -> dict[str, int]:
    """Rows per table for one org, over every table with an org_id column (to show nothing was written)."""
    tables = server.query(database, "SELECT table_name FROM information_schema.columns "
                                    f"WHERE table_schema = '{database}' AND column_name = 'org_id' "
                                    "ORDER BY table_name")
    counts: dict[str, int] = {}
    for (table,) in tables:
        if not re.fullmatch(r"[a-z0-9_]+", table):
            continue
        counts[table] = int(server.query(database, f"SELECT COUNT(*) FROM `{table}` WHERE org_id = {int(org_id)}")[0][0])
    return counts


def set_cookie_headers(response: requests.Response) -> list[str]:
    """Every Set-Cookie header of one response (also of the redirects it followed)."""
    found: list[str] = []
    for each in [*response.history, response]:
        found += each.raw.headers.getlist("Set-Cookie") if each.raw is not None else []
    return found


def fresh_address() -> str:
    """A loopback address no other test uses (Linux answers on all of 127.0.0.0/8). nginx limits requests to
    the sign-in page per client address; tests that share 127.0.0.1 would eat each other's allowance."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(2, 254)}"


def signed_up_client(stack: DeskdStack, portal: str, name: str, email: str, password: str,
                     host: str = "us.desk.localhost", language: str = "en") -> PortalClient:
    """A verified, signed-in end user (portal_helpers' sign-up → email verification → sign-in), connecting
    from a loopback address of its own."""
    session = portal_helpers.browser(stack, portal, host, language)
    client = PortalClient(stack, portal, host=host, session=session, source_address=fresh_address(),
                          language=language)
    portal_helpers.sign_up(session, name, email, password)
    portal_helpers.verify_from_email(session, stack, email)
    response = portal_helpers.sign_in(session, email, password)
    assert response.status_code == 303, f"sign-in failed: {response.status_code} {response.text[:500]}"
    return client
