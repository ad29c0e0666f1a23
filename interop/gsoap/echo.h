/*
	echo.h: the sample contract of WsRm (src/WsRm.Host/Services/IEchoService.cs) as gSOAP service definitions,
	document/literal wrapped the way WCF's DataContractSerializer writes it. Passed to soapcpp2 through
	echo-rm10.h or echo-rm11.h, which import the WS-RM version first (gSOAP picks the WS-RM version at compile
	time: import/wsrm5.h is WS-RM 1.0 2005/02, import/wsrm.h is WS-RM 1.1 200702; both use WS-Addressing 2005/08).
*/

//gsoap ns service name:      IEchoService
//gsoap ns service type:      IEchoService
//gsoap ns service style:     document
//gsoap ns service encoding:  literal
//gsoap ns service namespace: urn:wsrm:samples
//gsoap ns schema  namespace: urn:wsrm:samples
//gsoap ns schema  elementForm: qualified

//gsoap arr schema namespace: http://schemas.microsoft.com/2003/10/Serialization/Arrays
//gsoap arr schema elementForm: qualified

/// WCF's string[]: <ReceivedResult><arr:string>…</arr:string>…</ReceivedResult>.
struct arr__ArrayOfstring
{
  int    __size;
  char **string;
};

//gsoap ns service method-header-part:     Echo wsa5__MessageID
//gsoap ns service method-header-part:     Echo wsa5__RelatesTo
//gsoap ns service method-header-part:     Echo wsa5__From
//gsoap ns service method-header-part:     Echo wsa5__ReplyTo
//gsoap ns service method-header-part:     Echo wsa5__FaultTo
//gsoap ns service method-header-part:     Echo wsa5__To
//gsoap ns service method-header-part:     Echo wsa5__Action
//gsoap ns service method-header-part:     Echo wsrm__Sequence
//gsoap ns service method-header-part:     Echo wsrm__AckRequested
//gsoap ns service method-header-part:     Echo wsrm__SequenceAcknowledgement
//gsoap ns service method-action:          Echo urn:wsrm:samples/IEchoService/Echo
//gsoap ns service method-output-action:   Echo urn:wsrm:samples/IEchoService/EchoResponse
int ns__Echo(char *text, struct ns__EchoResponse { char *EchoResult; } *response);

//gsoap ns service method-header-part:     Post wsa5__MessageID
//gsoap ns service method-header-part:     Post wsa5__RelatesTo
//gsoap ns service method-header-part:     Post wsa5__From
//gsoap ns service method-header-part:     Post wsa5__ReplyTo
//gsoap ns service method-header-part:     Post wsa5__FaultTo
//gsoap ns service method-header-part:     Post wsa5__To
//gsoap ns service method-header-part:     Post wsa5__Action
//gsoap ns service method-header-part:     Post wsrm__Sequence
//gsoap ns service method-header-part:     Post wsrm__AckRequested
//gsoap ns service method-header-part:     Post wsrm__SequenceAcknowledgement
//gsoap ns service method-action:          Post urn:wsrm:samples/IEchoService/Post
int ns__Post(char *text, void);

//gsoap ns service method-header-part:     Received wsa5__MessageID
//gsoap ns service method-header-part:     Received wsa5__RelatesTo
//gsoap ns service method-header-part:     Received wsa5__From
//gsoap ns service method-header-part:     Received wsa5__ReplyTo
//gsoap ns service method-header-part:     Received wsa5__FaultTo
//gsoap ns service method-header-part:     Received wsa5__To
//gsoap ns service method-header-part:     Received wsa5__Action
//gsoap ns service method-header-part:     Received wsrm__Sequence
//gsoap ns service method-header-part:     Received wsrm__AckRequested
//gsoap ns service method-header-part:     Received wsrm__SequenceAcknowledgement
//gsoap ns service method-action:          Received urn:wsrm:samples/IEchoService/Received
//gsoap ns service method-output-action:   Received urn:wsrm:samples/IEchoService/ReceivedResponse
int ns__Received(char *prefix, struct ns__ReceivedResponse { struct arr__ArrayOfstring *ReceivedResult; } *response);
