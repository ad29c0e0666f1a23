using System.ServiceModel;

namespace WsRm.Samples.Contracts;

// The one-way part of IEchoService under its name (so the same action, urn:wsrm:samples/IEchoService/Post): a queued
// client's contract must be all one-way.
[ServiceContract(Namespace = "urn:wsrm:samples", Name = "IEchoService")]
public interface IEchoPosts { [OperationContract(IsOneWay = true)] void Post(string text); }
