"""Tests that keep the docs honest: every command has help and is in the README, every config key
is in the README's configuration block, and the starter config is valid."""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

import pytest
from pydantic import BaseModel

from flows.cli import build_parser
from flows.config import Settings, parse_settings

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help for a in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*prefix, name), helps.get(name), sub
                yield from _commands(sub, (*prefix, name))


COMMANDS = [(" ".join(path), help_text) for path, help_text, _ in _commands(build_parser())]


@pytest.mark.parametrize("command, help_text", COMMANDS, ids=[c for c, _ in COMMANDS])
def test_every_command_has_help_and_is_in_readme(command, help_text):
    assert help_text, f"`dealwatch {command}` has no help text"
    assert f"dealwatch {command}" in README, f"README does not mention `dealwatch {command}`"


def _keys(model: type[BaseModel], prefix: str = ""):
    for name, field in model.model_fields.items():
        if field.exclude:
            continue
        key = field.alias or name
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _keys(annotation, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}"


def _flatten(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for k, v in data.items():
        if isinstance(v, dict):
            keys |= _flatten(v, f"{prefix}{k}.")
        elif isinstance(v, list) and v and all(isinstance(i, dict) for i in v):
            keys.add(f"{prefix}{k}")
            for item in v:
                keys |= {f"{prefix}{k}.{sub}" for sub in item}
        else:
            keys.add(f"{prefix}{k}")
    return keys


def test_every_config_key_is_in_the_readme_block():
    block = re.search(r"```toml\n(.*?)```", README, re.S).group(1)
    documented = _flatten(tomllib.loads(block))
    parse_settings(tomllib.loads(block), source="README.md")
    missing = sorted(k for k in _keys(Settings) if k not in documented and not k.startswith("feeds."))
    assert missing == [], f"config keys missing from README's configuration block: {missing}"


def test_every_config_key_has_a_description():
    def undocumented(model: type[BaseModel], prefix: str = ""):
        for name, field in model.model_fields.items():
            annotation = field.annotation
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                yield from undocumented(annotation, f"{prefix}{name}.")
            elif not field.description and not field.exclude:
                yield f"{prefix}{name}"
    assert list(undocumented(Settings)) == []
