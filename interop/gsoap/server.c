/*
	server.c: a gSOAP WS-RM destination for WsRm's sample contract (echo.h), used by the interop tests.

	  gsoap-server-rm10|rm11 [--port P] [--lifetime S] [--strict]

	Listens on 127.0.0.1:P (0, the default, takes a free port) and prints "LISTENING port" once bound. It serves
	the way gSOAP's wsrmdemo does: one thread per connection, no HTTP keep-alive (every response says
	Connection: close), CreateSequence/CloseSequence/TerminateSequence/LastMessage/AckRequested answered by the
	plugin itself, and between connections soap_wsrm_pulse to send pending acknowledgements to non-anonymous
	AcksTo endpoints. One-way Post is answered by soap_wsrm_check_send_empty_response_and_wait: HTTP 202 with no
	body and no acknowledgement; a message that arrives ahead of a gap waits up to 5 s for it (NoDiscard). Each
	Post the service delivers is printed as "POST text" in delivery order; Echo answers with its text on the
	offered sequence, Received(prefix) with the delivered texts that start with prefix.
	--strict validates requests against gSOAP's types (SOAP_XML_STRICT, as wsrmdemo sets it). gSOAP's WS-RM 1.0
	types are its 1.1 types in the 1.0 namespace, so a strict 1.0 server refuses a 1.0 Offer without Endpoint (as
	WCF and WsRm.Client write it, following the 1.0 schema) with a Sender fault.
	The process ends by itself after S seconds (default 120) so that a crashed test leaves nothing behind.
*/

#include "soapH.h"
#include "IEchoService.nsmap"
#include "wsaapi.h"
#include "wsrmapi.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#define MAX_POSTS 4096

static const char *EchoResponseAction = "urn:wsrm:samples/IEchoService/EchoResponse";
static const char *ReceivedResponseAction = "urn:wsrm:samples/IEchoService/ReceivedResponse";

static pthread_mutex_t posts_lock = PTHREAD_MUTEX_INITIALIZER;
static char *posts[MAX_POSTS];
static int post_count = 0;

static void *serve_connection(void *arg)
{
  struct soap *soap = (struct soap*)arg;
  pthread_detach(pthread_self());
  if (soap_serve(soap) && soap->error != SOAP_STOP && soap->error != SOAP_EOF)
    soap_print_fault(soap, stderr);
  soap_destroy(soap);
  soap_end(soap);
  soap_free(soap);
  return NULL;
}

int main(int argc, char **argv)
{
  int port = 0, lifetime = 120, strict = 0, i;
  time_t deadline;
  struct soap *soap;
  struct sockaddr_in bound;
  socklen_t len = sizeof(bound);

  for (i = 1; i < argc; i++)
  {
    if (!strcmp(argv[i], "--port") && i + 1 < argc)
      port = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--lifetime") && i + 1 < argc)
      lifetime = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--strict"))
      strict = 1;
    else
    {
      fprintf(stderr, "usage: %s [--port P] [--lifetime S] [--strict]\n", argv[0]);
      return 2;
    }
  }
  deadline = time(NULL) + lifetime;

  soap = soap_new1(SOAP_XML_INDENT | (strict ? SOAP_XML_STRICT : 0));
  soap->send_timeout = soap->recv_timeout = 10;
  soap->bind_flags = SO_REUSEADDR;
  soap_register_plugin(soap, soap_wsa);
  soap_register_plugin(soap, soap_wsrm);
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", port, 100)))
  {
    soap_print_fault(soap, stderr);
    return 1;
  }
  if (getsockname(soap->master, (struct sockaddr*)&bound, &len))
  {
    perror("getsockname");
    return 1;
  }
  printf("LISTENING %d\n", ntohs(bound.sin_port));
  fflush(stdout);

  soap->accept_timeout = -100000; /* 100 ms: wake up to pulse acknowledgements and check the deadline */
  while (time(NULL) < deadline)
  {
    pthread_t tid;
    struct soap *copy;
    if (!soap_valid_socket(soap_accept(soap)))
    {
      if (soap->errnum)
      {
        soap_print_fault(soap, stderr);
        break;
      }
      soap_wsrm_pulse(soap, -10000);
      continue;
    }
    copy = soap_copy(soap);
    if (!copy || pthread_create(&tid, NULL, serve_connection, copy))
    {
      fprintf(stderr, "gsoap-server: cannot start a thread\n");
      break;
    }
  }
  printf("STOPPED\n");
  fflush(stdout);
  soap_destroy(soap);
  soap_end(soap);
  soap_free(soap);
  return 0;
}

/* The service operations (soapServer.c dispatches to them). */

int ns__Post(struct soap *soap, char *text)
{
  /* 202 without acknowledgement, then deliver in order (waiting up to 5 s for a missing earlier message). */
  if (soap_wsrm_check_send_empty_response_and_wait(soap, 5))
    return soap->error;
  pthread_mutex_lock(&posts_lock);
  if (post_count < MAX_POSTS)
    posts[post_count++] = strdup(text ? text : "");
  printf("POST %s\n", text ? text : "");
  fflush(stdout);
  pthread_mutex_unlock(&posts_lock);
  return SOAP_OK;
}

int ns__Echo(struct soap *soap, char *text, struct ns__EchoResponse *response)
{
  if (soap_wsrm_check_and_wait(soap, 5))
    return soap->error;
  response->EchoResult = text;
  printf("ECHO %s\n", text ? text : "");
  fflush(stdout);
  return soap_wsrm_reply(soap, NULL, EchoResponseAction);
}

int ns__Received(struct soap *soap, char *prefix, struct ns__ReceivedResponse *response)
{
  int i, n = 0;
  size_t plen = prefix ? strlen(prefix) : 0;
  if (soap_wsrm_check_and_wait(soap, 5))
    return soap->error;
  response->ReceivedResult = (struct arr__ArrayOfstring*)soap_malloc(soap, sizeof(struct arr__ArrayOfstring));
  if (!response->ReceivedResult)
    return soap->error;
  pthread_mutex_lock(&posts_lock);
  response->ReceivedResult->string = (char**)soap_malloc(soap, (post_count + 1) * sizeof(char*));
  for (i = 0; response->ReceivedResult->string && i < post_count; i++)
    if (!strncmp(posts[i], prefix ? prefix : "", plen))
      response->ReceivedResult->string[n++] = soap_strdup(soap, posts[i]);
  pthread_mutex_unlock(&posts_lock);
  response->ReceivedResult->__size = n;
  return soap_wsrm_reply(soap, NULL, ReceivedResponseAction);
}

/* Stubs soapcpp2 requires for the wsrm/SOAP-ENV one-way operations the plugin does not implement itself. */
int SOAP_ENV__Fault(struct soap *soap, char *faultcode, char *faultstring, char *faultactor,
  struct SOAP_ENV__Detail *detail, struct SOAP_ENV__Code *code, struct SOAP_ENV__Reason *reason,
  char *node, char *role, struct SOAP_ENV__Detail *detail12)
{
  (void)faultcode; (void)faultstring; (void)faultactor; (void)detail; (void)code; (void)reason; (void)node;
  (void)role; (void)detail12;
  return soap_send_empty_response(soap, 202);
}
