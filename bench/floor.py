"""The floor: a bare FastAPI endpoint that verifies the LINE signature and answers 200, nothing else.

BENCH_CHANNEL_SECRET=... python bench/floor.py --port 8101
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


def create_app(channel_secret: str) -> FastAPI:
    """An app whose webhook only checks X-Line-Signature."""
    key = channel_secret.encode()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @app.post("/line/webhook")
    async def webhook(request: Request) -> JSONResponse:
        """200 for a correctly signed body, 401 otherwise."""
        body = await request.body()
        digest = base64.b64encode(hmac.new(key, body, hashlib.sha256).digest())
        signature = request.headers.get("x-line-signature", "").encode("ascii", "replace")
        if not hmac.compare_digest(digest, signature):
            return JSONResponse({"detail": "invalid signature"}, status_code=401)
        return JSONResponse({})

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness."""
        return {"status": "ok"}

    return app


def main() -> None:
    """Serve the floor on loopback."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = create_app(os.environ["BENCH_CHANNEL_SECRET"])
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
