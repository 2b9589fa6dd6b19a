"""Operations from terminals: the exactly-once batch engine and a handler per kind.

- ``engine``: a batch applied in chunks, receipts, replays, retries;
- ``handler``: what a handler gets (``Ctx``) and gives back (``Outcome``);
- ``sale``: sales and reservations; ``aftersale``: refunds, voids, exchanges,
  reprints; ``door``: admissions and facts kept; ``cash``: shifts and cash
  movements; ``allocations``: allocations given back.

The request bodies are the protocol's (``boxoffice.protocol.operations``).
"""
