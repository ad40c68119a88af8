from tests.support.imports import runner

__all__ = ["runner"]
