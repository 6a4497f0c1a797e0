// Mono WCF calculator client for wsbind's interop tests.
// Usage: mono MonoCalculatorClient.exe basic|ws ADDRESS
// Calls the four operations and prints each result as XmlConvert writes it; then calls an operation
// the service does not have (ICalculatorExtra.Power, same namespace) and prints the fault it gets.
// Exit code 0 when the results are right and the unknown operation faulted with ActionNotSupported
// (which the WCF client surfaces as ActionNotSupportedException).
using System;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;

namespace Microsoft.ServiceModel.Samples
{
    [ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples", Name = "ICalculator")]
    public interface ICalculatorExtra
    {
        [OperationContract] double Power(double n1, double n2);
    }

    public static class Program
    {
        static int failures = 0;

        static void Expect(string what, double got, double expected)
        {
            bool ok = got == expected || (double.IsNaN(got) && double.IsNaN(expected));
            Console.WriteLine(what + " = " + XmlConvert.ToString(got) + (ok ? "" : "   WRONG, expected " + XmlConvert.ToString(expected)));
            if (!ok) failures++;
        }

        public static int Main(string[] args)
        {
            Binding binding = args[0] == "ws" ? (Binding)new WSHttpBinding(SecurityMode.None) : new BasicHttpBinding();
            var address = new EndpointAddress(args[1]);
            var factory = new ChannelFactory<ICalculator>(binding, address);
            var calc = factory.CreateChannel();
            Expect("Add(100, 15.99)", calc.Add(100, 15.99), 100 + 15.99);
            Expect("Subtract(145, 76.54)", calc.Subtract(145, 76.54), 145 - 76.54);
            Expect("Multiply(9, 81.25)", calc.Multiply(9, 81.25), 9 * 81.25);
            Expect("Divide(22, 7)", calc.Divide(22, 7), 22.0 / 7);
            Expect("Divide(1, 0)", calc.Divide(1, 0), double.PositiveInfinity);
            Expect("Add(0.1, 0.2)", calc.Add(0.1, 0.2), 0.1 + 0.2);
            ((IClientChannel)calc).Close();

            var extra = new ChannelFactory<ICalculatorExtra>(binding, address).CreateChannel();
            try
            {
                extra.Power(2, 8);
                Console.WriteLine("Power: no fault   WRONG");
                failures++;
            }
            catch (FaultException e)
            {
                var code = e.Code.SubCode != null ? e.Code.SubCode : e.Code;
                Console.WriteLine("Power: fault code " + code.Name + " (" + code.Namespace + "): " + e.Message);
                if (code.Name != "ActionNotSupported") failures++;
            }
            catch (ActionNotSupportedException e)
            {
                // WCF (and Mono) turn an ActionNotSupported fault into this exception on the client.
                Console.WriteLine("Power: ActionNotSupportedException: " + e.Message);
            }
            catch (Exception e)
            {
                Console.WriteLine("Power: " + e.GetType().FullName + ": " + e.Message + "   WRONG");
                failures++;
            }
            Console.WriteLine(failures == 0 ? "OK" : failures + " FAILURES");
            return failures == 0 ? 0 : 1;
        }
    }
}
