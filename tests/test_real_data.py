import realdata
def test_x() -> None:
    assert realdata.X == 1
