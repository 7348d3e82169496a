import pytest

from claimcmp.extract import extract
from claimcmp.ingest import load_releases
from claimcmp.model import Release

from ._helpers import FIXTURES


@pytest.mark.slow
def test_five_megabyte_release_completes_with_exact_spans():
    texts = [r.text for r in load_releases([FIXTURES / "releases", FIXTURES / "opcw_seed.txt"])]
    base = "\n".join(texts)
    text = (base * (5_000_000 // len(base) + 1))[:5_000_000]
    result = extract(Release(id="big", text=text, issuer="OPCW"))
    assert len(result.statements) > 10_000
    previous_end = 0
    for statement in result.statements[::97]:
        assert text[statement.start : statement.end] == statement.text
    for statement in result.statements:
        assert statement.start >= previous_end
        previous_end = statement.end
