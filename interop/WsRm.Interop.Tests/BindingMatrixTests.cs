using System.ServiceModel.Channels;
using WsRm.Interop.Tests.Infrastructure;

namespace WsRm.Interop.Tests;

/// <summary>The client configuration matrix itself.</summary>
public sealed class BindingMatrixTests
{
    [Fact]
    public void Matrix_has_ten_distinct_configurations_with_short_timeouts()
    {
        Assert.Equal(10, BindingMatrix.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(5, BindingMatrix.All.Count(c => c.Ordered));
        foreach (var config in BindingMatrix.All)
        {
            var binding = config.CreateBinding();
            Assert.Equal(BindingMatrix.BindingTimeout, binding.SendTimeout);
            var rm = new CustomBinding(binding).Elements.Find<ReliableSessionBindingElement>();
            Assert.NotNull(rm);
            Assert.Equal(config.Ordered, rm.Ordered);
        }
    }
}
