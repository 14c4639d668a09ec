import { PortfolioView } from '@/components/portfolio/PortfolioView';

export default function PortfolioPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Portfolio</h1>
      <PortfolioView />
    </div>
  );
}
