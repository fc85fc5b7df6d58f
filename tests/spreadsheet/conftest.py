from tests.spreadsheet.helpers import gongshi, project  # noqa: F401  (fixtures)
