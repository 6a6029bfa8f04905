"""The PySide6 desk application. The only package (with printing's Qt renderer) importing Qt."""
