"""Grassroots: Traces & Trust (基层：留痕与民心) - a serious game about grassroots administration."""

__version__ = "0.1.0"
