"""The naive peer: the bot most people write first, shaped like line-bot-sdk's fastapi-echo example.

It parses the webhook with `WebhookParser`, then awaits each reply call to LINE inline and only then
answers the webhook, so LINE's round trip sits inside every webhook answer. Written for the benchmark
against the same fake LINE API as tsunagu.

    BENCH_CHANNEL_SECRET=... BENCH_ACCESS_TOKEN=... python bench/naive_peer.py --port 8102 --line-api-base URL
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import AsyncIterator

import uvicorn
from fastapi import FastAPI, HTTPException, Request
from linebot.v3 import WebhookParser
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    Configuration,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.webhooks import MessageEvent, TextMessageContent


def create_app(channel_secret: str, access_token: str, line_api_base: str) -> FastAPI:
    """An echo bot that replies inside the webhook request."""
    parser = WebhookParser(channel_secret)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configuration = Configuration(host=line_api_base, access_token=access_token)
        async with AsyncApiClient(configuration) as client:
            app.state.api = AsyncMessagingApi(client)
            yield

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)

    @app.post("/line/webhook")
    async def callback(request: Request) -> str:
        """Parse, reply to every text message inline, then answer."""
        signature = request.headers.get("x-line-signature", "")
        body = (await request.body()).decode()
        try:
            events = parser.parse(body, signature)
        except InvalidSignatureError:
            raise HTTPException(status_code=400, detail="invalid signature") from None
        api: AsyncMessagingApi = request.app.state.api
        for event in events:
            if isinstance(event, MessageEvent) and isinstance(event.message, TextMessageContent):
                await api.reply_message(
                    ReplyMessageRequest(
                        replyToken=event.reply_token, messages=[TextMessage(text=event.message.text)]
                    )
                )
        return "OK"

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        """Liveness."""
        return {"status": "ok"}

    return app


def main() -> None:
    """Serve the naive peer on loopback."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--line-api-base", required=True)
    args = parser.parse_args()
    app = create_app(os.environ["BENCH_CHANNEL_SECRET"], os.environ["BENCH_ACCESS_TOKEN"], args.line_api_base)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
