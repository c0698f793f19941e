import pytest

from nutgraf.errors import InputError
from nutgraf.source import MAX_INPUT_BYTES, decode, looks_like_html, read_source


def test_utf8_is_read_as_is():
    assert read_source("Tokyo — Japan’s troops".encode()).text == "Tokyo — Japan’s troops"


def test_byte_order_mark_is_dropped():
    assert read_source("\ufeffHello there".encode()).text == "Hello there"


def test_windows_1252_is_decoded():
    text = "The minister\u2019s “plan” was approved by the café owners’ association on Monday."
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("data", [b"", b"   \n\t ", ""])
def test_empty_input_is_refused(data):
    with pytest.raises(InputError, match="empty"):
        read_source(data)


def test_binary_input_is_refused():
    with pytest.raises(InputError, match="binary"):
        read_source(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_undecodable_bytes_are_refused():
    noise = bytes((i * 97 + 13) % 128 + 128 for i in range(400))
    with pytest.raises(InputError):
        read_source(noise)


def test_huge_input_is_refused():
    with pytest.raises(InputError, match="larger than 5 MB"):
        read_source(b"a" * (MAX_INPUT_BYTES + 1))


def test_html_is_detected_by_content():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<div><p>One</p><p>Two</p></div>")
    assert not looks_like_html("He said 3 < 4 and 5 > 2, which is true.")
