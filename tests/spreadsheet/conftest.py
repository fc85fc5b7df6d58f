from tests.workflow.conftest import gongshi, repo  # noqa: F401  (fixtures: a repository with the sample, gongshi run in it)
