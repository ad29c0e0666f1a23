#!/usr/bin/env python3
"""Captures what the gSOAP WS-RM client sends, as test vectors.

    interop/gsoap/build.sh /tmp/gsoap-bin
    dotnet run --project src/WsRm.Host -- --urls http://127.0.0.1:5080 &
    python3 interop/gsoap/capture.py /tmp/gsoap-bin 5080 tests/WsRm.Server.Tests/Harness/Gsoap

Runs gsoap-client-rm10 and -rm11 over SOAP 1.1 and 1.2 (two Post, two Echo, one Received, close, terminate)
through a logging forwarder on 127.0.0.1 in front of the server, and writes each request as two files in
OUT/rm1x-soap1x/: NN-Name.http (request line and headers as sent) and NN-Name.xml (the body, byte for byte).
Loopback only; every socket and the client runs are bounded in time.
"""
import os
import re
import socket
import subprocess
import sys
import threading

RUNS = [("rm10", "soap11"), ("rm10", "soap12"), ("rm11", "soap11"), ("rm11", "soap12")]


def read_request(conn):
    """Reads one HTTP request (Content-Length framed, as gSOAP sends it): returns (head bytes, body bytes)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError("connection closed inside the headers")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"(?im)^content-length:\s*(\d+)", head).group(1))
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            raise EOFError("connection closed inside the body")
        body += chunk
    return head, body[:length]


def forward(listener, target_port, requests, stop):
    listener.settimeout(0.2)
    while not stop.is_set():
        try:
            conn, _ = listener.accept()
        except socket.timeout:
            continue
        with conn:
            conn.settimeout(15)
            head, body = read_request(conn)
            requests.append((head, body))
            with socket.create_connection(("127.0.0.1", target_port), timeout=15) as upstream:
                upstream.sendall(head + b"\r\n\r\n" + body)
                while True:
                    chunk = upstream.recv(65536)
                    if not chunk:
                        break
                    conn.sendall(chunk)


def name_of(head):
    action = re.search(rb'(?im)^soapaction:\s*"?([^"\r\n]*)"?', head).group(1).decode()
    return action.rstrip("/").rsplit("/", 1)[-1]


def main():
    bin_dir, target_port, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    for rm, soap in RUNS:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        port = listener.getsockname()[1]
        requests, stop = [], threading.Event()
        thread = threading.Thread(target=forward, args=(listener, target_port, requests, stop), daemon=True)
        thread.start()
        args = [os.path.join(bin_dir, "gsoap-client-" + rm), f"http://127.0.0.1:{port}/echo", "2",
                "--" + soap, "--prefix", f"capture-{rm}-{soap}-"]
        result = subprocess.run(args, capture_output=True, text=True, timeout=60)
        stop.set()
        thread.join(5)
        listener.close()
        print(" ".join(args[1:]), "->", result.returncode, result.stdout.split(), result.stderr.strip())
        folder = os.path.join(out, f"{rm}-{soap}")
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            os.remove(os.path.join(folder, old))
        for i, (head, body) in enumerate(requests, 1):
            base = os.path.join(folder, f"{i:02d}-{name_of(head)}")
            with open(base + ".http", "wb") as f:
                f.write(head + b"\r\n")
            with open(base + ".xml", "wb") as f:
                f.write(body)


if __name__ == "__main__":
    main()
