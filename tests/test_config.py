"""The TOML config: defaults, overrides, and errors that name the key and the file."""

from __future__ import annotations

import pytest

from extract.errors import ConfigError
from flows.config import load_settings


def _write(tmp_path, text: str):
    path = tmp_path / "dealwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_documented_names(tmp_path, monkeypatch):
    monkeypatch.delenv("DEALWATCH_DB", raising=False)
    path = _write(tmp_path, '[[feeds]]\nurl = "https://example.com/rss"\n'
                            '[alerts]\nfrom = "me@example.com"\n[alerts.smtp]\nsecurity = "tls"\n')
    s = load_settings(path)
    assert s.database == "dealwatch.duckdb"
    assert [f.url for f in s.feeds] == ["https://example.com/rss"]
    assert s.alerts.from_ == "me@example.com"
    assert s.alerts.smtp.security == "tls"
    assert s.alerts.transport == "file" and s.alerts.events == ["deal"]
    assert s.fetch.allow_private_networks is False and s.fetch.max_bytes == 10 * 1024 * 1024
    assert s.schedule.cron == "*/15 * * * *"


def test_db_overrides(tmp_path, monkeypatch):
    path = _write(tmp_path, 'database = "file.duckdb"\n')
    monkeypatch.setenv("DEALWATCH_DB", "env.duckdb")
    assert load_settings(path).database == "env.duckdb"
    assert load_settings(path, db="flag.duckdb").database == "flag.duckdb"
    monkeypatch.delenv("DEALWATCH_DB")
    assert load_settings(path).database == "file.duckdb"


def test_config_from_environment_variable(tmp_path, monkeypatch):
    path = _write(tmp_path, 'database = "from-env-config.duckdb"\n')
    monkeypatch.delenv("DEALWATCH_DB", raising=False)
    monkeypatch.setenv("DEALWATCH_CONFIG", str(path))
    assert load_settings().database == "from-env-config.duckdb"


@pytest.mark.parametrize("text, message", [
    ('[fetch]\nallow_privat_networks = true\n', "unknown key 'fetch.allow_privat_networks'"),
    ('[alerts]\ntransport = "pigeon"\n', "key 'alerts.transport'"),
    ('[fetch]\nmax_bytes = "lots"\n', "key 'fetch.max_bytes'"),
    ('[[feeds]]\nname = "no url"\n', "missing required key 'feeds.0.url'"),
    ('[[feeds]]\nurl = "ftp://example.com/feed"\n', "must start with http:// or https://"),
    ('database = \n', "not valid TOML"),
    ('[alerts]\nmin_confidence = 2\n', "key 'alerts.min_confidence'"),
])
def test_bad_config_names_key_and_file(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(err.value).startswith(f"{path}: ")
    assert message in str(err.value)


def test_missing_file_says_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match=r"no such config file \(run `dealwatch init`"):
        load_settings(tmp_path / "nope.toml")


def test_alert_watchlist_aliases_and_ca_file(tmp_path):
    path = _write(tmp_path, '[alerts]\nwatchlist = ["Scale AI", ["Alphabet", "Google"]]\n'
                            '[alerts.smtp]\nca_file = "/etc/ssl/private-ca.pem"\n')
    s = load_settings(path)
    assert s.alerts.watch_names() == [["Scale AI"], ["Alphabet", "Google"]]
    assert s.alerts.smtp.ca_file == "/etc/ssl/private-ca.pem"
    assert load_settings(_write(tmp_path, '[alerts.smtp]\nca_file = ""\n')).alerts.smtp.ca_file is None
    with pytest.raises(ConfigError, match=r"key 'alerts.watchlist': .*non-empty names"):
        load_settings(_write(tmp_path, '[alerts]\nwatchlist = ["Meta", []]\n'))


def test_starter_config_is_valid(tmp_path):
    from flows.starter import STARTER_CONFIG
    s = load_settings(_write(tmp_path, STARTER_CONFIG))
    assert s.alerts.updates is False and s.alerts.smtp.security == "starttls"


def test_readme_config_block_is_valid():
    import re
    import tomllib
    from pathlib import Path

    from flows.config import parse_settings
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S).group(1)
    s = parse_settings(tomllib.loads(block), source="README.md")
    assert s.alerts.smtp.ca_file is None and s.alerts.watchlist == []
