"""deskd config check: 0 on a good config, non-zero naming the key on a bad one."""

from __future__ import annotations

import pytest

from deskd_stack import run_deskd


def test_good_config(stack):
    result = run_deskd("config", "check", config=stack.config)
    assert result.returncode == 0, result.stdout
    assert "config ok" in result.stdout


def mutate(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


@pytest.mark.parametrize("name,change,key", [
    ("negative-workers", lambda t: mutate(t, "workers = 32", "workers = -1"), "workers"),
    ("unknown-region", lambda t: t + '\n[regions.mars]\nhosts = ["mars.desk.localhost"]\n'
                                      'dsn = "mariadb://deskd@127.0.0.1:1/desk_mars"\n', "mars"),
    ("missing-dsn", lambda t: mutate(t, "dsn = ", "# dsn = "), "dsn"),
    ("bad-dsn", lambda t: mutate(t, 'dsn = "mariadb://', 'dsn = "postgres://'), "dsn"),
    ("no-regions", lambda t: t.split("[regions.")[0], "regions"),
    ("bad-log-level", lambda t: mutate(t, 'level = "info"', 'level = "loud"'), "level"),
])
def test_bad_config(stack, tmp_path, name, change, key):
    config = tmp_path / f"{name}.toml"
    config.write_text(change(stack.config.read_text()))
    result = run_deskd("config", "check", config=config)
    assert result.returncode != 0, f"{name}: accepted:\n{result.stdout}"
    assert key in result.stdout, f"{name}: message does not name {key!r}:\n{result.stdout}"
