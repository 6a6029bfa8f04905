"""Wristbands and tags: QR payload and scan parser, stocks and layouts, ZPL, PDF and printers.

Only `qt_renderer` imports Qt; everything else here is plain Python (see docs/printing.md).
"""
