namespace WsRm.Host.Services;

/// <summary>Where the sample service keeps the texts given to <see cref="IEchoService.Post"/>, in processing order.</summary>
public interface IPostedTexts
{
    /// <summary>Appends a text.</summary>
    void Add(string text);

    /// <summary>The kept texts starting with <paramref name="prefix"/>, oldest first.</summary>
    string[] StartingWith(string prefix);

    /// <summary>How many kept texts are equal to <paramref name="text"/>, counting those added by the call being processed.</summary>
    int Count(string text);
}
