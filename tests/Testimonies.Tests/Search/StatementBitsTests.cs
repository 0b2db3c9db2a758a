using Testimonies.Web.Search;

namespace Testimonies.Tests.Search;

/// <summary>The search's sets of statements, one bit each, at the edges of their 64-bit words.</summary>
public class StatementBitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    public void AllHoldsEveryStatementAndNoMore(int count)
    {
        var all = StatementBits.All(count);
        Assert.Equal(count, all.Size());
        Assert.Equal(Enumerable.Range(0, count), all.Members());
        Assert.Empty(all.NonMembers());
    }

    [Fact]
    public void MembersAndNonMembersSplitTheCatalog()
    {
        var bits = new StatementBits(130);
        int[] chosen = [0, 5, 63, 64, 127, 129];
        foreach (var i in chosen) bits.Add(i);
        Assert.Equal(chosen, bits.Members());
        Assert.Equal(Enumerable.Range(0, 130).Except(chosen), bits.NonMembers());
        Assert.Contains(64, bits.Members());
        Assert.DoesNotContain(65, bits.Members());
    }

    [Fact]
    public void RemovingWhileEnumeratingKeepsTheRest()
    {
        var bits = StatementBits.All(200);
        foreach (var i in bits.Members()) if (i % 3 != 0) bits.Remove(i);
        Assert.Equal(Enumerable.Range(0, 200).Where(i => i % 3 == 0), bits.Members());
    }

    [Fact]
    public void IntersectionUnionAndDifference()
    {
        StatementBits Of(params int[] members)
        {
            var bits = new StatementBits(100);
            foreach (var i in members) bits.Add(i);
            return bits;
        }
        var a = Of(1, 2, 3, 70);
        a.IntersectWith(Of(2, 3, 4, 70, 99));
        Assert.Equal([2, 3, 70], a.Members());
        a.UnionWith(Of(99));
        Assert.Equal([2, 3, 70, 99], a.Members());
        a.ExceptWith(Of(3, 99));
        Assert.Equal([2, 70], a.Members());
        var copy = a.Copy();
        copy.Add(50);
        Assert.Equal([2, 70], a.Members());
    }
}
