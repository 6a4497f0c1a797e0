// The WCF samples' calculator contract (namespace http://Microsoft.ServiceModel.Samples):
//
//   [ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples")]
//   public interface ICalculator {
//       [OperationContract] double Add(double n1, double n2);
//       [OperationContract] double Subtract(double n1, double n2);
//       [OperationContract] double Multiply(double n1, double n2);
//       [OperationContract] double Divide(double n1, double n2);
//   }
#pragma once

#include <wsbind/channel/contract.hpp>

namespace calculator {

inline constexpr char const* service_name = "Microsoft.ServiceModel.Samples.CalculatorService";

/// The contract with the service's implementation (a client only uses its name and namespace).
inline wsbind::service_contract contract() {
    wsbind::service_contract c{"ICalculator", "http://Microsoft.ServiceModel.Samples"};
    c.add("Add", {"n1", "n2"}, [](double n1, double n2) { return n1 + n2; });
    c.add("Subtract", {"n1", "n2"}, [](double n1, double n2) { return n1 - n2; });
    c.add("Multiply", {"n1", "n2"}, [](double n1, double n2) { return n1 * n2; });
    c.add("Divide", {"n1", "n2"}, [](double n1, double n2) { return n1 / n2; });
    return c;
}

} // namespace calculator
