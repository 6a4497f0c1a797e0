// Mono WCF client for wsbind's benchmark note: the same client against two calculator services
// (wsbind's and Mono's own) gives a server-to-server ratio.
// Usage: mono MonoBenchClient.exe basic|ws ADDRESS SECONDS CLIENTS
// Each client thread has its own channel and calls Add(i, 0.5) in a loop for SECONDS; prints
// "round_trips_per_second=R p50_us=P p99_us=Q calls=N errors=E".
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading;

namespace Microsoft.ServiceModel.Samples
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Binding binding = args[0] == "ws" ? (Binding)new WSHttpBinding(SecurityMode.None) : new BasicHttpBinding();
            var address = new EndpointAddress(args[1]);
            double seconds = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            int clients = int.Parse(args[3]);
            var factory = new ChannelFactory<ICalculator>(binding, address);
            factory.Open(); // Mono's ChannelFactory cannot be opened from several threads at once
            var latencies = new List<double>[clients];
            int errors = 0;
            var ready = new CountdownEvent(clients);
            var go = new ManualResetEvent(false);
            bool stop = false;
            var threads = new Thread[clients];
            for (int t = 0; t < clients; t++)
            {
                int me = t;
                latencies[me] = new List<double>();
                var calc = factory.CreateChannel();
                threads[t] = new Thread(() =>
                {
                    for (int w = 0; w < 5; w++) calc.Add(w, 0.5); // warm-up: connection, JIT
                    ready.Signal();
                    go.WaitOne();
                    var sw = new Stopwatch();
                    for (int i = 0; !Volatile.Read(ref stop); i++)
                    {
                        sw.Restart();
                        try { if (calc.Add(i, 0.5) != i + 0.5) Interlocked.Increment(ref errors); }
                        catch (Exception) { Interlocked.Increment(ref errors); lock (factory) calc = factory.CreateChannel(); }
                        latencies[me].Add(sw.Elapsed.TotalMilliseconds * 1000);
                    }
                });
                threads[t].Start();
            }
            ready.Wait();
            var total = Stopwatch.StartNew();
            go.Set();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            Volatile.Write(ref stop, true);
            double elapsed = total.Elapsed.TotalSeconds;
            foreach (var th in threads) th.Join();
            var all = new List<double>();
            foreach (var l in latencies) all.AddRange(l);
            all.Sort();
            double p50 = all.Count > 0 ? all[all.Count / 2] : 0;
            double p99 = all.Count > 0 ? all[Math.Min(all.Count - 1, all.Count * 99 / 100)] : 0;
            Console.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "round_trips_per_second={0:F0} p50_us={1:F0} p99_us={2:F0} calls={3} errors={4}",
                all.Count / elapsed, p50, p99, all.Count, errors));
            return 0;
        }
    }
}
