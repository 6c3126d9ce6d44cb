"""Shipped data sets, installed as ``careerpivot.data`` (see ``careerpivot.resources``)."""
