"""Render a :class:`~factcheck.model.Report`: JSON is the contract, the rest are views."""

from factcheck.report.json import SCHEMA, report_dict, to_json
from factcheck.report.table import render_table

__all__ = ["SCHEMA", "render_table", "report_dict", "to_json"]
