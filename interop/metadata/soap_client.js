// node "soap" client generated at run time from WsRm's WSDL (npm package soap; NODE_PATH names its node_modules).
//
// usage: node soap_client.js BASE_URL PREFIX
// Calls /plain/echo (Echo, Post, Received) and /plain/orders (Place, a declared fault, one-way Cancel, Cancelled),
// each client built from the endpoint's ?wsdl, and prints one line per result:
//   ECHO <text>, RECEIVED <texts>, RECEIPT <id> <quantity>, FAULT <detail Reason>, CANCELLED <ids>,
//   FRONT <echo> <order id> (both contracts of /plain/front-desk, two namespaces), DONE.
'use strict';
const soap = require('soap');

function strings(result, name) {
  const list = result && result[name];
  if (!list) return [];
  const values = list.string;
  return Array.isArray(values) ? values : values === undefined ? [] : [values];
}

function reasonOf(error) {
  const detail = error && error.root && error.root.Envelope && error.root.Envelope.Body.Fault;
  const found = JSON.stringify(detail || {}).match(/"Reason":"([^"]*)"/);
  return found ? found[1] : '(no Reason in detail: ' + JSON.stringify(detail) + ')';
}

async function main(base, prefix) {
  const echo = await soap.createClientAsync(base + 'plain/echo?wsdl');
  const [echoed] = await echo.EchoAsync({ text: prefix + 'hello' });
  console.log('ECHO ' + echoed.EchoResult);
  await echo.PostAsync({ text: prefix + 'posted' });
  const [received] = await echo.ReceivedAsync({ prefix });
  console.log('RECEIVED ' + strings(received, 'ReceivedResult').join(' '));

  const orders = await soap.createClientAsync(base + 'plain/orders?wsdl');
  const [placed] = await orders.PlaceAsync({ order: { Product: prefix + 'tea', Quantity: 3 } });
  console.log('RECEIPT ' + placed.PlaceResult.OrderId + ' ' + placed.PlaceResult.Quantity);
  try {
    await orders.PlaceAsync({ order: { Product: prefix + 'tea', Quantity: 0 } });
    console.log('NOFAULT');
  } catch (error) {
    console.log('FAULT ' + reasonOf(error));
  }
  await orders.CancelAsync({ orderId: prefix + 'order-1' });
  await orders.CancelAsync({ orderId: prefix + 'order-2' });
  const [cancelled] = await orders.CancelledAsync({ prefix });
  console.log('CANCELLED ' + strings(cancelled, 'CancelledResult').join(' '));

  // Two contracts in two namespaces at one address: the second portType comes from ?wsdl=wsdl0.
  const front = await soap.createClientAsync(base + 'plain/front-desk?wsdl');
  const frontEcho = await new Promise((resolve, reject) =>
    front.FrontDesk.BasicHttpBinding_IEchoService.Echo({ text: prefix + 'front' }, (e, r) => (e ? reject(e) : resolve(r))));
  const frontOrder = await new Promise((resolve, reject) =>
    front.FrontDesk.BasicHttpBinding_IOrderDesk.Place({ order: { Product: prefix + 'cup', Quantity: 1 } }, (e, r) => (e ? reject(e) : resolve(r))));
  console.log('FRONT ' + frontEcho.EchoResult + ' ' + frontOrder.PlaceResult.OrderId);
  console.log('DONE');
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  if (error && error.body) console.error(error.body);
  process.exit(1);
});
