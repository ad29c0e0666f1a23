/*
	client.c: a gSOAP WS-RM source for WsRm's sample contract (echo.h), used by the interop tests.

	  gsoap-client-rm10|rm11 URL N [--soap11|--soap12] [--prefix P] [--behavior NoDiscard|DiscardEntireSequence|DiscardFollowingFirstGap]

	Creates a sequence to URL with an Offer (the service answers Echo and Received on the offered sequence; the
	Offer's IncompleteSequenceBehavior is DiscardEntireSequence unless --behavior says otherwise, as in wsrmdemo),
	sends N one-way Post(P + "post-" + i) messages and N Echo(P + "echo-" + i) calls, each with a wsa:MessageID
	and an AckRequested (soap_wsrm_request_acks, as gSOAP's own wsrmdemo does), calls Received(P), then closes
	the sequence (WS-RM 1.1: CloseSequence; 1.0: an empty LastMessage), resends what is still unacknowledged and
	terminates. Every step is printed on stdout as one line ("POSTED text", "ECHO text -> result",
	"RECEIVED text", "CLOSED", "NACK n", "TERMINATED", "DONE"); errors go to stderr and exit with 1.
	All socket operations are bounded by 10 s timeouts and retries by gSOAP's soap_wsrm_check_retry (at most
	three attempts here), so the program always ends.
*/

#include "soapH.h"
#include "IEchoService.nsmap"
#include "wsaapi.h"
#include "wsrmapi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *PostAction = "urn:wsrm:samples/IEchoService/Post";
static const char *EchoAction = "urn:wsrm:samples/IEchoService/Echo";
static const char *ReceivedAction = "urn:wsrm:samples/IEchoService/Received";

static int fail(struct soap *soap, const char *what)
{
  fprintf(stderr, "gsoap-client: %s failed (error %d)\n", what, soap->error);
  soap_print_fault(soap, stderr);
  return 1;
}

/* Sends with gSOAP's documented retry loop: 202 (one-way accepted) and SOAP_NO_TAG (an empty Body that carried
   only acknowledgements) are successes; a transport error is retried while soap_wsrm_check_retry allows. */
static int accepted(struct soap *soap, soap_wsrm_sequence_handle seq, int *attempts)
{
  if (soap->error == 202 || soap->error == SOAP_NO_TAG)
  {
    soap->error = SOAP_OK;
    return 1;
  }
  if (soap_wsrm_check_retry(soap, seq) || ++*attempts >= 3)
    return 1;
  soap_print_fault(soap, stderr);
  sleep(1);
  return 0;
}

static int post(struct soap *soap, soap_wsrm_sequence_handle seq, char *text)
{
  int attempts = 0;
  const char *to;
  if (soap_wsrm_request_acks(soap, seq, soap_wsa_rand_uuid(soap), PostAction))
    return fail(soap, "soap_wsrm_request_acks(Post)");
  /* soapcpp2 gives a one-way operation no soap_call_: send, then read the empty (202) response, as the plugin
     itself does for LastMessage. */
  while ((to = soap_wsrm_to(seq)) != NULL
    && (soap_send_ns__Post(soap, to, PostAction, text) || soap_recv_empty_response(soap)))
    if (accepted(soap, seq, &attempts))
      break;
  if (soap->error)
    return fail(soap, "Post");
  printf("POSTED %s\n", text);
  return 0;
}

static int echo(struct soap *soap, soap_wsrm_sequence_handle seq, char *text)
{
  int attempts = 0;
  const char *to;
  struct ns__EchoResponse response;
  memset(&response, 0, sizeof(response));
  if (soap_wsrm_request_acks(soap, seq, soap_wsa_rand_uuid(soap), EchoAction))
    return fail(soap, "soap_wsrm_request_acks(Echo)");
  while ((to = soap_wsrm_to(seq)) != NULL && soap_call_ns__Echo(soap, to, EchoAction, text, &response))
    if (accepted(soap, seq, &attempts))
      break;
  if (soap->error)
    return fail(soap, "Echo");
  printf("ECHO %s -> %s\n", text, response.EchoResult ? response.EchoResult : "(null)");
  return 0;
}

static int received(struct soap *soap, soap_wsrm_sequence_handle seq, char *prefix)
{
  int attempts = 0, i;
  const char *to;
  struct ns__ReceivedResponse response;
  memset(&response, 0, sizeof(response));
  if (soap_wsrm_request_acks(soap, seq, soap_wsa_rand_uuid(soap), ReceivedAction))
    return fail(soap, "soap_wsrm_request_acks(Received)");
  while ((to = soap_wsrm_to(seq)) != NULL && soap_call_ns__Received(soap, to, ReceivedAction, prefix, &response))
    if (accepted(soap, seq, &attempts))
      break;
  if (soap->error)
    return fail(soap, "Received");
  if (response.ReceivedResult)
    for (i = 0; i < response.ReceivedResult->__size; i++)
      printf("RECEIVED %s\n", response.ReceivedResult->string[i] ? response.ReceivedResult->string[i] : "");
  return 0;
}

/* SOAP 1.2 at run time: the same table with the SOAP 1.2 envelope and encoding namespaces first (what
   soapcpp2 -2 would generate). */
static struct Namespace *soap12_namespaces(void)
{
  static struct Namespace table[64];
  int i;
  for (i = 0; i < 63 && namespaces[i].id; i++)
    table[i] = namespaces[i];
  table[0].ns = "http://www.w3.org/2003/05/soap-envelope";
  table[1].ns = "http://www.w3.org/2003/05/soap-encoding";
  return table;
}

int main(int argc, char **argv)
{
  const char *url, *prefix = "";
  int n, i, version = 1, rc = 0;
  enum wsrm__IncompleteSequenceBehaviorType behavior = DiscardEntireSequence;
  struct soap *soap;
  soap_wsrm_sequence_handle seq = NULL;
  char text[256];

  if (argc < 3)
  {
    fprintf(stderr, "usage: %s URL N [--soap11|--soap12] [--prefix P] [--behavior B]\n", argv[0]);
    return 2;
  }
  url = argv[1];
  n = atoi(argv[2]);
  for (i = 3; i < argc; i++)
  {
    if (!strcmp(argv[i], "--soap12"))
      version = 2;
    else if (!strcmp(argv[i], "--soap11"))
      version = 1;
    else if (!strcmp(argv[i], "--prefix") && i + 1 < argc)
      prefix = argv[++i];
    else if (!strcmp(argv[i], "--behavior") && i + 1 < argc && !strcmp(argv[i + 1], "NoDiscard"))
      behavior = NoDiscard, i++;
    else if (!strcmp(argv[i], "--behavior") && i + 1 < argc && !strcmp(argv[i + 1], "DiscardEntireSequence"))
      behavior = DiscardEntireSequence, i++;
    else if (!strcmp(argv[i], "--behavior") && i + 1 < argc && !strcmp(argv[i + 1], "DiscardFollowingFirstGap"))
      behavior = DiscardFollowingFirstGap, i++;
    else
    {
      fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }

  /* The flags gSOAP's wsrmdemo uses: indented output, strict parsing. */
  soap = soap_new1(SOAP_XML_INDENT | SOAP_XML_STRICT);
  if (version == 2)
    soap_set_namespaces(soap, soap12_namespaces());
  soap->connect_timeout = soap->send_timeout = soap->recv_timeout = 10;
  soap_register_plugin(soap, soap_wsa);
  soap_register_plugin(soap, soap_wsrm);

  /* 60 s lifetime. */
  if (soap_wsrm_create_offer(soap, url, NULL, NULL, 60000, behavior, soap_wsa_rand_uuid(soap), &seq))
  {
    rc = fail(soap, "CreateSequence");
    goto done;
  }
  printf("CREATED\n");
  fflush(stdout);

  for (i = 1; i <= n && !rc; i++)
  {
    snprintf(text, sizeof(text), "%spost-%d", prefix, i);
    rc = post(soap, seq, text);
  }
  for (i = 1; i <= n && !rc; i++)
  {
    snprintf(text, sizeof(text), "%secho-%d", prefix, i);
    rc = echo(soap, seq, text);
  }
  if (!rc)
  {
    snprintf(text, sizeof(text), "%spost-", prefix);
    rc = received(soap, seq, text);
  }
  if (rc)
    goto done;

  if (soap_wsrm_close(soap, seq, soap_wsa_rand_uuid(soap)))
  {
    rc = fail(soap, "close");
    goto done;
  }
  printf("CLOSED\n");
  /* What the close left unacknowledged is resent once, as the plugin's documentation does. */
  printf("NACK " SOAP_ULONG_FORMAT "\n", soap_wsrm_nack(seq));
  if (soap_wsrm_nack(seq))
    soap_wsrm_resend(soap, seq, 0, 0);
  if (soap_wsrm_terminate(soap, seq, soap_wsa_rand_uuid(soap)))
  {
#ifdef SOAP_WSRM_2005
    /* WS-RM 1.0: the plugin wants the TerminateSequence it gets back to name its own sequence; a destination that
       answers, as WCF does, with the TerminateSequence of the offered reply sequence (or gSOAP's own server, with
       neither) is refused locally with UnknownSequence although the peer said 200 OK. The peer did terminate. */
    if (soap->status == 200)
      printf("TERMINATE-ANSWER-REFUSED-BY-GSOAP\n");
    else
#endif
    {
      rc = fail(soap, "TerminateSequence");
      goto done;
    }
  }
  printf("TERMINATED\nDONE\n");

done:
  fflush(stdout);
  if (seq)
    soap_wsrm_seq_free(soap, seq);
  soap_destroy(soap);
  soap_end(soap);
  soap_free(soap);
  return rc;
}
