"""Schemathesis hooks for .ci/run: leave out generated inputs that test the tool, not the API.

- A whole number written with a decimal point (`2024.0`) fits JSON Schema's `integer`, but the
  API reads integers strictly and answers 400 (a known limitation: send `2024`).
- The stateful phase links a response field to a path parameter by its name; a wave's
  `collaboration_id` is `null` for a country-wide wave and would be sent as the path `None`.
"""

import schemathesis


def _has_whole_float(value):
    if isinstance(value, float):
        return value.is_integer()
    if isinstance(value, dict):
        return any(_has_whole_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_whole_float(v) for v in value)
    return False


@schemathesis.hook
def filter_body(context, body):
    return not _has_whole_float(body)


@schemathesis.hook
def filter_path_parameters(context, path_parameters):
    return all(value is not None and value != "None" for value in (path_parameters or {}).values())


@schemathesis.hook
def filter_case(context, case):
    return all(value is not None and value != "None" for value in (case.path_parameters or {}).values())
