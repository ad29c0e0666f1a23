"""Python zeep client generated at run time from WsRm's WSDL (Debian python3-zeep; run with /usr/bin/python3).

usage: zeep_client.py BASE_URL PREFIX
Calls /plain/echo (Echo, Post, Received) and /plain/orders (Place, a declared fault, one-way Cancel, Cancelled),
each client built from the endpoint's ?wsdl, and prints one line per result:
  ECHO <text>, RECEIVED <texts>, RECEIPT <id> <quantity>, FAULT <detail Reason>, CANCELLED <ids>,
  FRONT <echo> <order id> (both contracts of /plain/front-desk, two namespaces), DONE.
"""
import sys

import zeep
from zeep.exceptions import Fault

DATA = "urn:wsrm:interop:orders:data"


def main(base, prefix):
    echo = zeep.Client(base + "plain/echo?wsdl")
    print("ECHO", echo.service.Echo(text=prefix + "hello"), flush=True)
    echo.service.Post(text=prefix + "posted")
    print("RECEIVED", " ".join(echo.service.Received(prefix=prefix) or []), flush=True)

    orders = zeep.Client(base + "plain/orders?wsdl")
    order_type = orders.get_type("{%s}Order" % DATA)
    receipt = orders.service.Place(order=order_type(Product=prefix + "tea", Quantity=3))
    print("RECEIPT", receipt.OrderId, receipt.Quantity, flush=True)
    try:
        orders.service.Place(order=order_type(Product=prefix + "tea", Quantity=0))
        print("NOFAULT", flush=True)
    except Fault as fault:
        reason = fault.detail.find(".//{%s}Reason" % DATA)
        print("FAULT", reason.text if reason is not None else "(no Reason in detail)", flush=True)
    orders.service.Cancel(orderId=prefix + "order-1")
    orders.service.Cancel(orderId=prefix + "order-2")
    print("CANCELLED", " ".join(orders.service.Cancelled(prefix=prefix) or []), flush=True)

    # Two contracts in two namespaces at one address: the second portType comes from ?wsdl=wsdl0.
    front = zeep.Client(base + "plain/front-desk?wsdl")
    print("FRONT", front.bind("FrontDesk", "BasicHttpBinding_IEchoService").Echo(text=prefix + "front"),
          front.bind("FrontDesk", "BasicHttpBinding_IOrderDesk").Place(order=order_type(Product=prefix + "cup", Quantity=1)).OrderId,
          flush=True)
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
