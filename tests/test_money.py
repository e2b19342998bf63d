"""Money amounts: symbols, codes, names, scales, and German number formats."""

import pytest

from extract.money import find_amounts, is_undisclosed, parse_amount


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$14.3bn", 14.3e9, "USD"),
        ("14.3 billion US dollars", 14.3e9, "USD"),
        ("USD 14.3 billion", 14.3e9, "USD"),
        ("€450m", 450e6, "EUR"),
        ("£3 billion", 3e9, "GBP"),
        ("1.2bn euros", 1.2e9, "EUR"),
        ("CHF 800 million", 800e6, "CHF"),
        ("14.3 billion", 14.3e9, None),
        ("a $2-billion deal", 2e9, "USD"),
        ("US$ 1,200 million", 1.2e9, "USD"),
        ("¥50 billion", 50e9, "JPY"),
        ("$300,000", 300e3, "USD"),
        # Indian, Kenyan, Nigerian and Gulf amounts, as their business press writes them
        ("Rs 2,000 crore", 20e9, "INR"),
        ("Rs. 410 crore", 4.1e9, "INR"),
        ("₹75 lakh", 7.5e6, "INR"),
        ("Sh4.2 billion", 4.2e9, "KES"),
        ("KSh 500 million", 500e6, "KES"),
        ("₦45 billion", 45e9, "NGN"),
        ("120 billion naira", 120e9, "NGN"),
        ("AED 300 million", 300e6, "AED"),
    ],
)
def test_english_amounts(text: str, value: float, currency: str | None) -> None:
    m = parse_amount(text)
    assert m is not None
    assert m.value == pytest.approx(value)
    assert m.currency == currency


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("1,2 Mrd. €", 1.2e9, "EUR"),
        ("450 Mio. Euro", 450e6, "EUR"),
        ("14,3 Milliarden US-Dollar", 14.3e9, "USD"),
        ("3,5 Millionen Franken", 3.5e6, "CHF"),
    ],
)
def test_german_amounts(text: str, value: float, currency: str) -> None:
    m = parse_amount(text, "de")
    assert m is not None
    assert (m.value, m.currency) == (pytest.approx(value), currency)


@pytest.mark.parametrize("text", ["an undisclosed sum", "in 2019", "grew 20%", "2 min. read", "5G network",
                                  "49 percent", "Acme, which in 2021 won a contract"])
def test_not_money(text: str) -> None:
    assert parse_amount(text) is None


def test_undisclosed() -> None:
    assert is_undisclosed("bought it for an undisclosed sum")
    assert not is_undisclosed("bought it for $2bn")


def test_spans_are_verbatim() -> None:
    text = "Meta paid 14.1 billion US dollars, later $14.3bn."
    found = find_amounts(text)
    assert [text[m.start:m.end] for m in found] == ["14.1 billion US dollars", "$14.3bn"]
    assert [m.value for m in found] == [14.1e9, 14.3e9]
