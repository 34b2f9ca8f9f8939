namespace OpenDti.IndexEngine.Uncertainty;

/// <summary>
/// Variance-based sensitivity of the output Y = mean over units of |rank − nominal rank| (COINr's default output for
/// <c>get_sensitivity</c>) to one uncertain factor. With base matrices A, B (n rows each), A_B⁽ⁱ⁾ = A with factor i from B,
/// and V the sample variance (n − 1) of the 2n values f(A), f(B):
/// first order Sᵢ = (1/n) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ) / V (Saltelli et al. 2010);
/// total effect Sₜᵢ = (1/2n) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)² / V (Jansen 1999). NaN when V = 0.
/// </summary>
/// <param name="Factor"><c>weights</c>, <c>imputation</c>, <c>normalisation</c> or <c>aggregation</c>.</param>
/// <param name="FirstOrder">Sᵢ: the share of V explained by the factor alone.</param>
/// <param name="TotalEffect">Sₜᵢ: the share of V explained by the factor with all its interactions.</param>
public sealed record SensitivityIndex(string Factor, double FirstOrder, double TotalEffect);
