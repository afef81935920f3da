"""Render a :class:`~factcheck.model.Report`: JSON is the contract, the rest are views."""

from factcheck.report.json import SCHEMA, report_dict, to_json
from factcheck.report.table import render_table
from factcheck.report.text import render_text

__all__ = ["SCHEMA", "render_table", "render_text", "report_dict", "to_json"]
