#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishes one room event the way the seed's own Python pipeline does.

This is the seed's publish_enrichment_event(), unchanged in what it sends: aio_pika,
connect_robust, a durable fanout exchange `enrichment_events`, a JSON body with `type`,
`data` and a naive `datetime.utcnow().isoformat()` timestamp, content type
application/json, routing key ''. Usage: seed_publisher.py AMQP_URL BATCH_NUMBER
Prints the exact body it published on stdout.
"""
import asyncio
import json
import sys
from datetime import datetime

import aio_pika


async def main(url: str, batch_number: int) -> None:
    connection = await aio_pika.connect_robust(url)
    async with connection:
        channel = await connection.channel()
        exchange = await channel.declare_exchange(
            'enrichment_events', aio_pika.ExchangeType.FANOUT, durable=True)
        message = {
            'type': 'enrichment_batch_start',
            'data': {'batch_size': 25, 'batch_number': batch_number, 'total_tracks': 1000},
            'timestamp': datetime.utcnow().isoformat(),
        }
        body = json.dumps(message).encode()
        await exchange.publish(
            aio_pika.Message(body=body, content_type='application/json'), routing_key='')
        sys.stdout.write(body.decode() + '\n')
        sys.stdout.flush()


if __name__ == '__main__':
    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
