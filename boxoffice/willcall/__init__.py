"""The will-call window: orders bought elsewhere handed out, vouchers keyed in by hand."""
