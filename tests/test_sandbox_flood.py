"""The sandbox's flood meter (sandbox/flood.py) counts by the time each request was received, with a
fake clock: requests handled late and out of order are counted where they arrived."""

from __future__ import annotations

import asyncio

import aiohttp

from sandbox import BotApiSandbox
from sandbox.flood import FloodLimits, FloodMeter


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_requests_handled_in_a_bunch_are_counted_when_they_were_received() -> None:
    meter = FloodMeter(FloodLimits(overall_per_s=30, tolerance_s=0.0))
    # about 30 a second for three seconds, received 34 ms apart, handled in bunches of 10 and each
    # bunch in reverse order (a busy server): at the limit, never over it
    received = [100.0 + i * 0.034 for i in range(90)]
    for start in range(0, 90, 10):
        for t in reversed(received[start:start + 10]):
            meter.check("sendMessage", 1000 + int(t * 1000), t)
    assert meter.counted == 90
    assert meter.breaches == []
    # one more with the last is over, however late it is handled
    meter.check("editMessageText", 5, received[-1])
    assert [b.rule for b in meter.breaches] == ["overall 30/1s"]


def test_a_late_early_request_makes_the_later_one_the_breach() -> None:
    """Counting in receipt order: the request received first takes the slot, the later one breaks the
    limit, whatever order the server handled them in."""
    meter = FloodMeter(FloodLimits(overall_per_s=2, tolerance_s=0.0))
    meter.check("sendMessage", 1, 0.0)
    meter.check("sendMessage", 2, 0.5)  # handled before the one received at 0.2
    meter.check("sendMessage", 3, 0.2)
    assert [(b.at, b.chat) for b in meter.breaches] == [(0.5, "2")]


def test_private_chats_may_burst_groups_are_paced_per_minute() -> None:
    meter = FloodMeter(FloodLimits(chat_burst=4, chat_per_20s=20, group_per_min=20, tolerance_s=0.0))
    for i in range(4):  # a private chat: a burst of four in a second is allowed
        meter.check("sendMessage", 7, 10.0 + i * 0.1)
    assert meter.breaches == []
    meter.check("sendMessage", 7, 10.5)
    assert [b.rule for b in meter.breaches] == ["chat 4/1s"]
    for i in range(20):  # about one a second sustained, then the twenty-second window is full
        meter.check("sendMessage", 8, 30.0 + i * 0.9)
    meter.check("sendMessage", 8, 30.0 + 19.5)
    assert [b.rule for b in meter.breaches][1:] == ["chat 20/20s"]
    for i in range(20):  # a group: twenty a minute
        meter.check("sendMessage", -100, 100.0 + i * 2.5)
    meter.check("sendMessage", -100, 159.0)
    assert [b.rule for b in meter.breaches][2:] == ["group 20/60s"]
    meter.check("editMessageText", 8, 49.6)  # edits count overall only
    meter.check("sendChatAction", 7, 10.6)
    assert len(meter.breaches) == 3


async def test_the_server_stamps_each_request_when_it_is_received() -> None:
    clock = FakeClock()
    meter = FloodMeter(FloodLimits(overall_per_s=3, tolerance_s=0.0), clock=clock, kernel_receipts=False)
    async with BotApiSandbox(flood=meter) as sandbox, aiohttp.ClientSession() as http:
        for user in (1, 2, 3, 4):
            await sandbox.user(user).send("/start")  # a bot may write only to who wrote to it
        url = f"{sandbox.base_url}{sandbox.token}/sendMessage"

        async def post(chat: int) -> None:
            async with http.post(url, json={"chat_id": chat, "text": "hi"}) as resp:
                assert resp.status == 200

        for chat in (1, 2, 3):  # three in one fake second: at the limit
            await post(chat)
            clock.now += 0.3
        clock.now += 0.2  # 1.1 s after the first: it has left the window
        await post(4)
        assert meter.breaches == []
        clock.now += 0.5  # only the one at 101.1 is still in the window: room for two more
        await asyncio.gather(post(1), post(2), post(3))  # three received in the same instant
        assert [b.rule for b in meter.breaches] == ["overall 3/1s"]


def test_the_kernel_says_how_long_ago_a_connection_last_received_data() -> None:
    import socket
    import time

    from sandbox.server import since_received_s

    with socket.create_server(("127.0.0.1", 0)) as server, socket.create_connection(server.getsockname()) as client:
        conn, _ = server.accept()
        with conn:
            client.sendall(b"POST /bot/sendMessage HTTP/1.1\r\n\r\n")
            assert conn.recv(100)
            start = time.monotonic()
            time.sleep(0.2)  # what is measured: the request is 0.2 s old when it is handled
            ago = since_received_s(conn)
            assert 0.15 <= ago <= time.monotonic() - start + 0.05
    assert since_received_s(None) == 0.0
